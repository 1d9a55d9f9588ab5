package org.parley.client.signin;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.ui.AppIdentity;
import org.parley.ui.Forms;

/** The sign-in form: builds and binds the controls, no logic. */
public final class SignInView {
    /** Fields that come filled with a usual value: the cursor does not start there. */
    private static final java.util.Set<String> DEFAULTED_FIELDS = java.util.Set.of("signInServer", "signInPort");
    private final VBox root;
    private final Button signIn = new Button("Sign In");

    public SignInView(SignInViewModel vm, AppIdentity app, String version, Runnable onSignIn, Runnable onOptions) {
        Objects.requireNonNull(vm, "vm");
        FontIcon icon = new FontIcon(app.icon());
        icon.setId("appIcon");
        icon.setIconSize(48);
        icon.getStyleClass().add("signin-icon");
        Label title = new Label(app.title());
        title.setId("appTitle");
        title.getStyleClass().add("title-3");
        Label versionLabel = new Label("Version " + version);
        versionLabel.setId("appVersion");
        versionLabel.getStyleClass().add("text-muted");
        VBox header = new VBox(8, icon, title, versionLabel);
        header.setAlignment(Pos.CENTER);

        TextField address = new TextField();
        address.setId("signInAddress");
        address.setPromptText("name@company.com");
        address.textProperty().bindBidirectional(vm.addressProperty());
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.promptTextProperty().bind(Bindings.when(vm.passwordRememberedProperty())
                .then("Remembered (type to change)").otherwise(""));
        CheckBox remember = new CheckBox("_Remember my password");
        remember.setId("rememberMe");
        remember.selectedProperty().bindBidirectional(vm.rememberMeProperty());
        CheckBox atStart = new CheckBox("Sign me in when Parley _starts");
        atStart.setId("signInAtStart");
        atStart.selectedProperty().bindBidirectional(vm.signInAtStartProperty());
        atStart.disableProperty().bind(vm.rememberMeProperty().not());

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
        port.promptTextProperty().bind(Bindings.createStringBinding(
                () -> "default " + (vm.transportProperty().get() == null ? "" : vm.transportProperty().get().defaultPort()),
                vm.transportProperty()));
        port.textProperty().bindBidirectional(vm.portProperty());
        port.setPrefColumnCount(6);

        GridPane form = new GridPane();
        form.getStyleClass().add("signin-form");
        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        form.add(Forms.labelFor("Sign-in _address", address), 0, row);
        form.add(address, 1, row++);
        form.add(Forms.labelFor("_Password", password), 0, row);
        form.add(password, 1, row++);
        form.add(remember, 0, row++, 2, 1);
        form.add(atStart, 0, row++, 2, 1);
        Label connection = new Label("Connection");
        connection.getStyleClass().add("signin-section");
        form.add(connection, 0, row++, 2, 1);
        form.add(Forms.labelFor("Ser_ver", server), 0, row);
        form.add(server, 1, row++);
        form.add(Forms.labelFor("_Transport", transport), 0, row);
        form.add(transport, 1, row++);
        form.add(Forms.labelFor("P_ort", port), 0, row);
        form.add(port, 1, row++);

        Label problem = new Label();
        problem.setId("signInHint");
        problem.getStyleClass().addAll("text-muted", "signin-hint");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.errorProperty().isEmpty().and(vm.problemProperty().isNotEmpty()));
        problem.managedProperty().bind(problem.visibleProperty());
        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().addAll("danger", "signin-error");
        error.setWrapText(true);
        error.setGraphic(new FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_CIRCLE));
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.canSignInProperty().not());
        signIn.setOnAction(e -> onSignIn.run());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("signInBusy");
        progress.setPrefSize(24, 24);
        progress.setMaxSize(24, 24);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Label signingIn = new Label("Signing in…");
        signingIn.visibleProperty().bind(vm.busyProperty());
        signingIn.managedProperty().bind(vm.busyProperty());
        HBox busy = new HBox(8, progress, signingIn);
        busy.setAlignment(Pos.CENTER);
        busy.managedProperty().bind(vm.busyProperty());
        busy.visibleProperty().bind(vm.busyProperty());

        javafx.scene.control.Hyperlink options = new javafx.scene.control.Hyperlink("Options…");
        options.setId("signInOptions");
        options.setGraphic(new FontIcon(org.kordamp.ikonli.feather.Feather.SLIDERS));
        options.setOnAction(e -> onOptions.run());
        HBox links = new HBox(options);
        links.setAlignment(Pos.CENTER);

        form.disableProperty().bind(vm.busyProperty());
        VBox card = new VBox(16, header, form, error, problem, signIn, busy, links);
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(360);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("signin-scroll");
        root = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().add("signin");
        root.setId("signInView");
    }


    public Parent root() {
        return root;
    }

    /** Puts the cursor where the user most likely types next (password when the address is known). */
    public void focusFirstEmpty() {
        Forms.focusFirstEmpty(root, DEFAULTED_FIELDS, signIn);
    }
}
