package org.parley.attendant.console;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.parley.attendant.consult.ImConsultViewModel;

/** The small IM consultation pane next to the call: the conversation, Complete (X) and Cancel (Shift+I). */
final class ImConsultPane extends VBox {

    ImConsultPane(ImConsultViewModel vm) {
        super(6);
        setId("imConsult");
        getStyleClass().add("im-consult");
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(vm.titleProperty());
        ListView<String> lines = new ListView<>(vm.lines());
        lines.setId("imConsultLines");
        lines.setPrefHeight(130);
        lines.setFocusTraversable(false);
        Button complete = new Button("Complete (X)");
        complete.setId("imConsultComplete");
        complete.getStyleClass().add("action");
        complete.setOnAction(e -> vm.complete());
        Button cancel = new Button("Cancel (Shift+I)");
        cancel.setId("imConsultCancel");
        cancel.getStyleClass().add("action");
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.setId("imConsultStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(title, lines, new HBox(8, complete, cancel), status);
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());
    }
}
