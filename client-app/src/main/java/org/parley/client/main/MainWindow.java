package org.parley.client.main;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.contacts.ContactActions;
import org.parley.client.contacts.ContactDialogs;
import org.parley.client.contacts.ContactListView;
import org.parley.client.contacts.ContactListViewModel;
import org.parley.client.contacts.Grouping;
import org.parley.client.contacts.Later;
import org.parley.client.contacts.OpenConversations;
import org.parley.client.search.SearchView;
import org.parley.client.search.SearchViewModel;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window of a signed-in session: builds its view models (header, contact list, search) and views, the gear
 * menu with its accelerators, and keeps the list's grouping and sort in the settings.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    /** Presence-driven re-sorting happens at most this often. */
    public static final long COALESCE_MILLIS = 150;
    /** The directory is searched when typing pauses this long. */
    public static final long SEARCH_DEBOUNCE_MILLIS = 250;
    public static final double WIDTH = 380;
    public static final double HEIGHT = 720;

    /** Keyboard and mouse tell the idle timers at most this often. */
    private static final long ACTIVITY_EVERY_NANOS = 5_000_000_000L;

    private final MainViewModel vm;
    private long lastActivity = System.nanoTime() - ACTIVITY_EVERY_NANOS;
    private final ContactListViewModel contacts;
    private final ContactActions actions;
    private final Scene scene;
    private final MenuButton menu;
    private final MainView mainView;

    public MainWindow(Session session, Navigator navigator, SettingsStore settings, Appearance appearance,
                      OpenConversations open, Consumer<String> browser, Runnable exit, Stage stage) {
        Objects.requireNonNull(settings, "settings");
        vm = new MainViewModel(session);
        contacts = new ContactListViewModel(session.client(), open, Later.fx(COALESCE_MILLIS));
        ClientSettings s = settings.load();
        contacts.groupingProperty().set(Grouping.parse(s.grouping()));
        contacts.sortByPresenceProperty().set(s.sortByPresence());
        Runnable keep = () -> {
            try {
                settings.save(settings.load().withContactView(contacts.groupingProperty().get().name(),
                        contacts.sortByPresenceProperty().get()));
            } catch (ParleyException e) {
                LOG.warn("{}", e.getMessage());
            }
        };
        contacts.groupingProperty().addListener((obs, old, now) -> keep.run());
        contacts.sortByPresenceProperty().addListener((obs, old, now) -> keep.run());
        actions = new ContactActions(contacts, navigator, browser);
        ContactDialogs dialogs = new ContactDialogs(contacts, actions, appearance, () -> stage);
        ContactListView listView = new ContactListView(contacts, actions, dialogs, appearance.fontSizeProperty());
        SearchViewModel searchVm = new SearchViewModel(session.client().directory(), contacts,
                Later.fx(SEARCH_DEBOUNCE_MILLIS));
        SearchView search = new SearchView(searchVm, listView::focusFirstContact, listView::openFirstContact);

        MenuItem options = item("_Options…", Feather.SLIDERS, navigator::showOptions, "optionsItem");
        options.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem history = item("Conversation _history", Feather.CLOCK, () -> navigator.showHistory(null), "historyItem");
        history.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        MenuItem signOut = item("Sign _out", Feather.LOG_OUT, navigator::signOut, "signOutItem");
        signOut.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem quit = item("E_xit", Feather.POWER, exit, "exitItem");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        MenuItem dial = item("_Dial pad…", Feather.PHONE, navigator::showDialPad, "dialPadItem");
        dial.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        menu = new MenuButton();
        menu.getItems().addAll(dial, options, history, new SeparatorMenuItem(),
                item("Add a _group…", Feather.FOLDER_PLUS, dialogs::addGroup, "addGroupItem"),
                item("Add a _phone contact…", Feather.PHONE, () -> dialogs.addPhone(null), "addPhoneItem"),
                new SeparatorMenuItem(), signOut, quit);

        MenuButton view = new MenuButton(null, new FontIcon(Feather.LIST));
        view.setId("viewMenu");
        view.getStyleClass().addAll("flat", "button-icon");
        view.setAccessibleText("Group and sort contacts");
        view.setTooltip(new javafx.scene.control.Tooltip("Group and sort contacts"));
        Menu groupBy = new Menu("_Group by");
        ToggleGroup groupToggle = new ToggleGroup();
        for (Grouping g : Grouping.values()) {
            RadioMenuItem r = new RadioMenuItem(g.label());
            r.setId("groupBy-" + g.name());
            r.setToggleGroup(groupToggle);
            r.setSelected(contacts.groupingProperty().get() == g);
            r.setOnAction(e -> contacts.groupingProperty().set(g));
            groupBy.getItems().add(r);
        }
        Menu sortBy = new Menu("_Sort by");
        ToggleGroup sortToggle = new ToggleGroup();
        RadioMenuItem byName = new RadioMenuItem("Name");
        byName.setId("sortByName");
        RadioMenuItem byPresence = new RadioMenuItem("Presence");
        byPresence.setId("sortByPresence");
        byName.setToggleGroup(sortToggle);
        byPresence.setToggleGroup(sortToggle);
        (contacts.sortByPresenceProperty().get() ? byPresence : byName).setSelected(true);
        byName.setOnAction(e -> contacts.sortByPresenceProperty().set(false));
        byPresence.setOnAction(e -> contacts.sortByPresenceProperty().set(true));
        sortBy.getItems().addAll(byName, byPresence);
        view.getItems().addAll(groupBy, sortBy);

        javafx.scene.control.Button dialPad = new javafx.scene.control.Button(null, new FontIcon(Feather.PHONE));
        dialPad.setId("dialPadButton");
        dialPad.getStyleClass().addAll("flat", "button-icon");
        dialPad.setAccessibleText("Dial pad");
        dialPad.setTooltip(new javafx.scene.control.Tooltip("Dial pad: call a number or user (Ctrl+D)"));
        dialPad.setOnAction(e -> navigator.showDialPad());
        MainView main = new MainView(vm, menu, new HBox(4, dialPad, view), search.root(), listView.root(),
                contacts.statusProperty());
        this.mainView = main;
        scene = new Scene(main.root(), WIDTH, HEIGHT);
        appearance.attach(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::focus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), navigator::focusIncomingCall);
        javafx.event.EventHandler<javafx.event.Event> active = e -> {
            long now = System.nanoTime();
            if (now - lastActivity > ACTIVITY_EVERY_NANOS) {
                lastActivity = now;
                session.client().presence().userActivity();
            }
        };
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, active::handle);
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, active::handle);
        vm.start();
        contacts.start();
        contacts.loadDelegation(new org.parley.ui.UiExecutor());
    }

    private static MenuItem item(String text, Feather icon, Runnable action, String id) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * Hook for the call settings (call-settings helper): puts {@code row} under the header and {@code items} in the
     * gear menu after "Conversation history".
     */
    public void addCallSettings(javafx.scene.Node row, java.util.List<MenuItem> items) {
        ((javafx.scene.layout.Pane) mainView.root()).getChildren().add(1, row);
        int at = menu.getItems().indexOf(menu.getItems().stream()
                .filter(m -> "historyItem".equals(m.getId())).findFirst().orElse(null)) + 1;
        menu.getItems().addAll(Math.max(at, 0), items);
    }

    public Scene scene() {
        return scene;
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public ContactListViewModel contacts() {
        return contacts;
    }

    public ContactActions actions() {
        return actions;
    }
}
