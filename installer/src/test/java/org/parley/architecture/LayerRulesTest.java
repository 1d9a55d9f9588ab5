package org.parley.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of docs/architecture.md, checked over the production classes of every module (the installer module
 * depends on all of them). ArchUnit's default {@code failOnEmptyShould} makes a rule fail when its subject matches no
 * class, so a rule cannot pass just because a package was renamed or not imported.
 */
@AnalyzeClasses(packages = "org.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
    private static final String CORE = "org.parley.core..";
    private static final String SERVER = "org.parley.server..";
    private static final String UI_COMMON = "org.parley.ui..";
    private static final String CLIENT = "org.parley.client..";
    private static final String ATTENDANT = "org.parley.attendant..";

    /** A call of {@code Platform.runLater} or a method reference to it ({@code Platform::runLater}). */
    private static final DescribedPredicate<JavaAccess<?>> PLATFORM_RUN_LATER = DescribedPredicate.describe(
            "javafx.application.Platform.runLater",
            access -> access.getTargetOwner().getName().equals("javafx.application.Platform")
                    && access.getName().equals("runLater"));

    @ArchTest
    static final ArchRule coreImportsNoUiToolkit = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("core is shared with the server and must run headless");

    @ArchTest
    static final ArchRule coreAndServerNeverDependOnTheApps = noClasses()
            .that().resideInAnyPackage(CORE, SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, ATTENDANT, UI_COMMON)
            .because("the apps and ui-common build on core, never the other way round");

    @ArchTest
    static final ArchRule uiCommonNeverDependsOnTheAppsOrTheServer = noClasses()
            .that().resideInAPackage(UI_COMMON)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, ATTENDANT, SERVER)
            .because("ui-common serves both apps, so it knows neither of them; the desktop never embeds the server");

    @ArchTest
    static final ArchRule clientNeverDependsOnAttendant = noClasses()
            .that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAPackage(ATTENDANT)
            .because("the apps are independent; what they share belongs in ui-common (screens) or core");

    @ArchTest
    static final ArchRule attendantNeverDependsOnClient = noClasses()
            .that().resideInAPackage(ATTENDANT)
            .should().dependOnClassesThat().resideInAPackage(CLIENT)
            .because("the apps are independent; what they share belongs in ui-common (screens) or core");

    @ArchTest
    static final ArchRule coreNeverDependsOnServer = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage(SERVER)
            .because("the server builds on core, never the other way round");

    @ArchTest
    static final ArchRule onlyUiExecutorCallsPlatformRunLater = noClasses()
            .that().resideInAPackage("org.parley..").and().doNotHaveFullyQualifiedName("org.parley.ui.UiExecutor")
            .should().accessTargetWhere(PLATFORM_RUN_LATER)
            .because("org.parley.ui.UiExecutor is the one way onto the JavaFX thread; take it as an Executor");

    @ArchTest
    static final ArchRule viewModelsTouchNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                    "javafx.stage..")
            .because("a view model holds state and calls services; its view builds and binds the controls"
                    + " (docs/architecture.md), so view models are tested without a UI");

    @ArchTest
    static final ArchRule noPublicStaticMethodReturnsAServiceOrRepository = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.parley..")
            .and().arePublic().and().areStatic()
            .should().haveRawReturnType(simpleNameEndingWith("Service").or(simpleNameEndingWith("Repository")))
            .because("services and repositories are passed in through constructors, not fetched from static getters");
}
