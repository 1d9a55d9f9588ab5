package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The compose box on its own: pasting formatted text and what it sends. */
@ExtendWith(ApplicationExtension.class)
class ComposeEditorTest {
    private ComposeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new ComposeEditor();
        stage.setScene(new Scene(new VBox(editor.toolbar(), editor.area()), 500, 200));
        stage.show();
    }

    @Test
    void pastedHtmlKeepsTheSafeSubsetOnly(FxRobot robot) {
        robot.interact(() -> {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.HTML,
                    "<p style=\"color:#000000\">Hello <b>team</b><script>steal()</script>"
                            + "<span style=\"color:#d1242f\"> now</span></p>", DataFormat.PLAIN_TEXT, "Hello team now"));
            editor.area().paste();
        });
        assertThat(HtmlCodec.plainText(editor.content())).isEqualTo("Hello team now");
        HtmlCodec.Body body = HtmlCodec.toBody(editor.content());
        assertThat(body.contentType()).isEqualTo("text/html");
        assertThat(body.text()).isEqualTo("Hello <b>team</b><span style=\"color:#d1242f;\"> now</span>");
    }

    @Test
    void unstyledTextIsSentAsPlainText(FxRobot robot) {
        robot.clickOn(editor.area()).write("just text");
        assertThat(HtmlCodec.toBody(editor.content())).isEqualTo(new HtmlCodec.Body("text/plain", "just text"));
    }

    @Test
    void boldButtonStylesTheSelection(FxRobot robot) {
        robot.interact(() -> {
            editor.area().replaceText("make this bold");
            editor.area().selectRange(5, 9);
        });
        robot.clickOn(editor.toolbar().getChildren().get(0));
        assertThat(HtmlCodec.toBody(editor.content()).text()).isEqualTo("make <b>this</b> bold");
    }
}
