package org.parley.attendant.signin;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.ui.AppIdentity;
import org.parley.ui.Forms;

/**
 * The attendant's sign-in screen: large type, keyboard-first (Enter signs in, Alt+letter reaches each field).
 * Builds and binds the controls; the logic is in {@link SignInViewModel}.
 */
public final class SignInView {
    /** Fields that come filled with a usual value: the cursor does not start there. */
    private static final java.util.Set<String> DEFAULTED_FIELDS = java.util.Set.of("signInServer", "signInPort");
    private static final String BIG = "-fx-font-size: 20px;";
    private final StackPane root;
    private final Button signIn = new Button("Sign In");

    public SignInView(SignInViewModel vm, AppIdentity app, String version, Runnable onSignIn) {
        Objects.requireNonNull(vm, "vm");
        FontIcon icon = new FontIcon(app.icon());
        icon.setId("appIcon");
        icon.setIconSize(64);
        Label title = new Label(app.title());
        title.setId("appTitle");
        title.setStyle("-fx-font-size: 32px; -fx-font-weight: bold;");
        Label versionLabel = new Label("Version " + version);
        versionLabel.setId("appVersion");
        versionLabel.getStyleClass().add("text-muted");
        VBox header = new VBox(8, icon, title, versionLabel);
        header.setAlignment(Pos.CENTER);

        TextField address = new TextField();
        address.setId("signInAddress");
        address.setPromptText("reception@company.com");
        address.textProperty().bindBidirectional(vm.addressProperty());
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField server = new TextField();
        server.setId("signInServer");
        server.setPromptText("the address's domain");
        server.textProperty().bindBidirectional(vm.serverProperty());
        ComboBox<Transport> transport = new ComboBox<>();
        transport.setId("signInTransport");
        transport.getItems().setAll(Transport.TLS, Transport.TCP, Transport.UDP);
        transport.valueProperty().bindBidirectional(vm.transportProperty());
        transport.setMaxWidth(Double.MAX_VALUE);
        TextField port = new TextField();
        port.setId("signInPort");
        port.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.transportProperty().get() == null ? ""
                : "default " + vm.transportProperty().get().defaultPort(), vm.transportProperty()));
        port.textProperty().bindBidirectional(vm.portProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (Object[] f : new Object[][]{{"Sign-in _address", address}, {"_Password", password},
                {"Ser_ver", server}, {"_Transport", transport}, {"P_ort", port}}) {
            Node field = (Node) f[1];
            field.setStyle(BIG);
            form.add(labelFor((String) f[0], field), 0, row);
            form.add(field, 1, row++);
        }

        Label problem = new Label();
        problem.setId("signInHint");
        problem.getStyleClass().add("text-muted");
        problem.setStyle("-fx-font-size: 16px;");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.errorProperty().isEmpty().and(vm.problemProperty().isNotEmpty()));
        problem.managedProperty().bind(problem.visibleProperty());
        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("danger");
        error.setStyle("-fx-font-size: 18px; -fx-text-fill: #c62828;");
        error.setWrapText(true);
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setStyle(BIG);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.canSignInProperty().not());
        signIn.setOnAction(e -> onSignIn.run());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        progress.setMaxSize(28, 28);
        Label signingIn = new Label("Signing in…");
        signingIn.setStyle(BIG);
        HBox busy = new HBox(8, progress, signingIn);
        busy.setId("signInBusy");
        busy.setAlignment(Pos.CENTER);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());

        form.disableProperty().bind(vm.busyProperty());
        VBox card = new VBox(20, header, form, error, problem, signIn, busy);
        card.setMaxWidth(560);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(32));
        root = new StackPane(card);
        root.setId("signInView");
        StackPane.setAlignment(card, Pos.CENTER);
    }

    private static Label labelFor(String text, Node field) {
        Label l = Forms.labelFor(text, field);
        l.setStyle(BIG);
        return l;
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the address field, or in the password field when the address is already known. */
    public void focusFirstEmpty() {
        Forms.focusFirstEmpty(root, DEFAULTED_FIELDS, signIn);
    }
}
