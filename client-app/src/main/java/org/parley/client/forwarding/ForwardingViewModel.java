package org.parley.client.forwarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.parley.client.members.MemberList;
import org.parley.client.members.MemberPicker;
import org.parley.client.members.UserSuggestions;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget;
import org.parley.core.client.CallTarget.Kind;
import org.parley.core.client.TelephonyService;

/**
 * State of the "Call forwarding" dialog: the rule being edited (off, forward all, simultaneous ring with an extra
 * number or user and/or the Team-Call group; where unanswered calls go after how many seconds), reading it from the
 * server and saving it there. The core records validate; their messages are shown as they are. Suggestions for the
 * user fields come from {@link UserSuggestions}. Call on the JavaFX application thread.
 */
public final class ForwardingViewModel {
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 120;

    private final TelephonyService telephony;
    private final Function<String, String> names;
    private final Consumer<CallForwarding> saved;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.OFF);
    private final ObjectProperty<Kind> forwardKind = new SimpleObjectProperty<>(this, "forwardKind", Kind.VOICEMAIL);
    private final StringProperty forwardValue = new SimpleStringProperty(this, "forwardValue", "");
    private final StringProperty simRingExtra = new SimpleStringProperty(this, "simRingExtra", "");
    private final BooleanProperty simRingTeam = new SimpleBooleanProperty(this, "simRingTeam");
    private final MemberList members;
    private final ObservableList<String> team;
    private final IntegerProperty unansweredSeconds = new SimpleIntegerProperty(this, "unansweredSeconds",
            CallForwarding.DEFAULT_UNANSWERED_SECONDS);
    private final ObjectProperty<Kind> unansweredKind = new SimpleObjectProperty<>(this, "unansweredKind", Kind.VOICEMAIL);
    private final StringProperty unansweredValue = new SimpleStringProperty(this, "unansweredValue", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param ownAor the signed-in user (team members are completed to this domain; one's own address is refused)
     * @param names  display name for an address (the contact list's), or null
     * @param saved  told each rule the server stored (the main window's header line)
     */
    public ForwardingViewModel(TelephonyService telephony, String ownAor, Function<String, String> names,
                               Consumer<CallForwarding> saved) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.names = Objects.requireNonNull(names, "names");
        this.saved = Objects.requireNonNull(saved, "saved");
        this.members = new MemberList(ownAor, names, new MemberList.Messages(
                "Type a name or address to add to your team.",
                "Your team holds people, not numbers: ring a number with \"Simultaneously ring\".",
                "You are always rung: add someone else.",
                "%s is already in your team."));
        this.team = members.members();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {mode, forwardKind, forwardValue, simRingExtra,
                simRingTeam, team, unansweredSeconds, unansweredKind, unansweredValue}) {
            o.addListener(x -> error.set(null));
        }
    }

    /** Reads the rule from the server into the fields; a failure is shown as the error line. */
    public CompletableFuture<Void> load() {
        busy.set(true);
        status.set("Reading your forwarding rules…");
        error.set(null);
        return telephony.forwarding().handle((rules, e) -> {
            busy.set(false);
            if (e != null) {
                status.set("");
                error.set("Cannot read your forwarding rules: " + Failures.message(e));
            } else {
                show(rules == null ? CallForwarding.DEFAULT : rules);
                status.set("");
            }
            return null;
        });
    }

    /** Puts a rule into the fields. */
    public void show(CallForwarding rules) {
        mode.set(rules.mode());
        CallTarget to = rules.forwardTo();
        forwardKind.set(to.kind() == Kind.NONE ? Kind.VOICEMAIL : to.kind());
        forwardValue.set(to.value() == null ? "" : to.value());
        simRingExtra.set(rules.simRingNumber() == null ? "" : rules.simRingNumber());
        simRingTeam.set(rules.simRingTeam());
        team.setAll(rules.team());
        unansweredSeconds.set(rules.unansweredSeconds());
        unansweredKind.set(rules.unansweredTarget().kind());
        unansweredValue.set(rules.unansweredTarget().value() == null ? "" : rules.unansweredTarget().value());
        error.set(null);
    }

    /**
     * The rule the fields describe.
     *
     * @throws IllegalArgumentException with a sentence for the user when the fields do not make a rule
     */
    public CallForwarding rule() {
        Mode m = mode.get() == null ? Mode.OFF : mode.get();
        CallTarget forwardTo = m == Mode.FORWARD_ALL ? target(forwardKind.get(), forwardValue.get()) : CallTarget.NONE;
        String extra = null;
        boolean withTeam = false;
        if (m == Mode.SIMULTANEOUS_RING) {
            extra = extra(simRingExtra.get());
            withTeam = simRingTeam.get();
            if (extra == null && !withTeam) {
                throw new IllegalArgumentException("ring which number or user at the same time? Type one, or ring "
                        + "your Team-Call group");
            }
            if (withTeam && team.isEmpty()) {
                throw new IllegalArgumentException("your Team-Call group is empty: add members to it first");
            }
        }
        int seconds = unansweredSeconds.get();
        return new CallForwarding(m, forwardTo, extra, withTeam, List.copyOf(team), seconds,
                target(unansweredKind.get(), unansweredValue.get()));
    }

    /** Whether the fields make a rule; if not, the error line says why. */
    public boolean validate() {
        try {
            rule();
            error.set(null);
            return true;
        } catch (IllegalArgumentException e) {
            error.set(sentence(e.getMessage()));
            return false;
        }
    }

    /** Validates and stores the rule on the server; completes true once stored, false when invalid or refused. */
    public CompletableFuture<Boolean> save() {
        CallForwarding rules;
        try {
            rules = rule();
        } catch (IllegalArgumentException e) {
            error.set(sentence(e.getMessage()));
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        error.set(null);
        status.set("Saving…");
        return telephony.setForwarding(rules).handle((v, e) -> {
            busy.set(false);
            if (e != null) {
                status.set("");
                error.set("Cannot save your forwarding rules: " + Failures.message(e));
                return false;
            }
            status.set("Saved: " + ForwardingText.describe(rules, names));
            saved.accept(rules);
            return true;
        });
    }

    /** Adds what {@link #newMemberProperty()} holds to the Team-Call group (a user name, address or SIP URI). */
    public boolean addTeamMember() {
        String refused = members.add();
        if (refused != null) {
            error.set(refused);
        }
        return refused == null;
    }

    public void removeTeamMember(String aor) {
        members.remove(aor);
    }

    /** A user name, {@code user@domain} or SIP URI as an address of record of this user's domain when none given. */
    String aorOf(String typed) {
        return members.aorOf(typed);
    }

    public String nameOf(String aor) {
        return members.nameOf(aor);
    }

    /** The Team-Call group being edited (list and add field), for the view's {@link MemberPicker}. */
    public MemberList teamMembers() {
        return members;
    }

    private CallTarget target(Kind kind, String value) {
        Kind k = kind == null ? Kind.NONE : kind;
        return switch (k) {
            case NONE -> CallTarget.NONE;
            case VOICEMAIL -> CallTarget.voicemail();
            case USER -> CallTarget.user(value == null || value.isBlank() ? value : aorOf(value));
            case NUMBER -> CallTarget.number(value);
        };
    }

    /** The extra simultaneous-ring party: a number as typed, or a user as an address; null when blank. */
    private String extra(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = typed.strip();
        if (s.matches("\\+?[0-9(][0-9 ().-]*")) {
            return CallTarget.number(s).value();
        }
        return CallTarget.user(aorOf(s)).value();
    }

    private static String sentence(String m) {
        if (m == null || m.isBlank()) {
            return "These settings are not valid.";
        }
        String s = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Forward all calls to: VOICEMAIL, USER or NUMBER. */
    public ObjectProperty<Kind> forwardKindProperty() {
        return forwardKind;
    }

    /** The user or number calls are forwarded to. */
    public StringProperty forwardValueProperty() {
        return forwardValue;
    }

    /** The extra number or user rung at the same time ("" for none). */
    public StringProperty simRingExtraProperty() {
        return simRingExtra;
    }

    public BooleanProperty simRingTeamProperty() {
        return simRingTeam;
    }

    /** The Team-Call group: user addresses. */
    public ObservableList<String> team() {
        return team;
    }

    public StringProperty newMemberProperty() {
        return members.newMemberProperty();
    }

    public IntegerProperty unansweredSecondsProperty() {
        return unansweredSeconds;
    }

    /** Unanswered calls go to: VOICEMAIL, USER, NUMBER or NONE (keep ringing). */
    public ObjectProperty<Kind> unansweredKindProperty() {
        return unansweredKind;
    }

    public StringProperty unansweredValueProperty() {
        return unansweredValue;
    }

    /** Why the rule cannot be saved or read, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What is going on ("Saving…", "Saved: …"), "" when nothing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reading or saving is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The choices of where unanswered calls go, in the order shown. */
    public static List<Kind> unansweredChoices() {
        return List.of(Kind.VOICEMAIL, Kind.USER, Kind.NUMBER, Kind.NONE);
    }

    /** The choices of where all calls are forwarded, in the order shown. */
    public static List<Kind> forwardChoices() {
        return new ArrayList<>(List.of(Kind.VOICEMAIL, Kind.USER, Kind.NUMBER));
    }
}
