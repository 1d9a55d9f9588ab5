#!/usr/bin/env bash
# Builds Parley's self-contained app images or native packages with jpackage (JDK 17+).
#
#   installer/jpackage.sh [--type TYPE] [--skip-build] [client|attendant|server|all ...]
#
#   --type TYPE    app-image (default), or a native package for this OS: deb, rpm (Linux), dmg, pkg (macOS),
#                  msi, exe (Windows). jpackage builds only for the OS it runs on.
#   --skip-build   use the jars already in */target (default: build them with the Maven wrapper first)
#   what           which programs (default: all):
#                    client     Parley Communicator  (parley-client,    org.parley.client.ClientMain)
#                    attendant  Parley Attendant     (parley-attendant, org.parley.attendant.AttendantMain)
#                    server     server-lite console  (parley,           org.parley.server.cli.ParleyCommand:
#                               'parley server|admin|demo ...', as with the ./parley launcher)
#
# Output: installer/target/jpackage/<type>/. Environment: PARLEY_EXTRA_MODULES adds JDK modules to every runtime
# (comma-separated) when jdeps misses one that is only loaded reflectively.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/target/jpackage"

type="app-image"
build=true
what=()
while (($#)); do
  case "$1" in
    --type) [[ $# -ge 2 ]] || { echo "jpackage.sh: --type needs a value" >&2; exit 2; }; type="$2"; shift 2 ;;
    --type=*) type="${1#--type=}"; shift ;;
    --skip-build) build=false; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    client|attendant|server) what+=("$1"); shift ;;
    all) what+=(client attendant server); shift ;;
    *) echo "jpackage.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
((${#what[@]})) || what=(client attendant server)

jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jpackage jdeps; do
  command -v "${jdk_bin}$tool" >/dev/null || { echo "jpackage.sh: '${jdk_bin}$tool' not found; a full JDK 17+ is needed" >&2; exit 1; }
done

# Which JavaFX jars hold this OS's classes and natives. The javafx-* jars without a classifier are empty shells.
case "$(uname -s)-$(uname -m)" in
  Linux-aarch64) os=linux; fx=linux-aarch64 ;;
  Linux-*) os=linux; fx=linux ;;
  Darwin-arm64) os=mac; fx=mac-aarch64 ;;
  Darwin-*) os=mac; fx=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; fx=win ;;
  *) echo "jpackage.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

modules_of() { # which programs need which Maven modules
  local m=()
  for w in "${what[@]}"; do
    case "$w" in client) m+=(client-app) ;; attendant) m+=(attendant-app) ;; server) m+=(server-lite) ;; esac
  done
  local IFS=,; echo "${m[*]}"
}

if $build; then
  echo "jpackage.sh: building $(modules_of) ..."
  (cd "$root" && ./mvnw -q -B -DskipTests -pl "$(modules_of)" -am package)
fi

main_jar_of() { # the module's own jar (not sources/tests)
  local jar
  jar=$(ls "$root/$1"/target/parley-"$1"-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true)
  [[ -n "$jar" && -d "$root/$1/target/lib" ]] || { echo "jpackage.sh: $1 is not built (run without --skip-build)" >&2; exit 1; }
  echo "$jar"
}

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
numeric_version() {
  local v; v=$(basename "$1" .jar); v=${v#parley-*-app-}; v=${v#parley-server-lite-}; v=${v%%-*}
  [[ "$v" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "jpackage.sh: cannot read a version from $1" >&2; exit 1; }
  echo "$v"
}

# package_one NAME MODULE MAIN_CLASS gui|console DESCRIPTION
package_one() {
  local name="$1" module="$2" main_class="$3" kind="$4" description="$5"
  local jar version input fxdir modules
  jar=$(main_jar_of "$module")
  version=$(numeric_version "$jar")
  input="$work/stage/$name/input"; fxdir="$work/stage/$name/javafx"
  rm -rf "$work/stage/$name"; mkdir -p "$input" "$fxdir" "$work/$type"

  # Everything but JavaFX goes on the class path (--input); JavaFX goes on the module path and into the runtime.
  cp "$jar" "$input/"
  local lib
  for lib in "$root/$module"/target/lib/*.jar; do
    case "$(basename "$lib")" in
      javafx-*-"$fx".jar) cp "$lib" "$fxdir/" ;;
      javafx-*) ;;  # empty shells or other platforms' jars
      *) cp "$lib" "$input/" ;;
    esac
  done

  local args=(--type "$type" --dest "$work/$type" --name "$name" --app-version "$version"
              --vendor "Parley" --description "$description"
              --input "$input" --main-jar "$(basename "$jar")" --main-class "$main_class"
              --jlink-options "--strip-native-commands --strip-debug --no-man-pages --no-header-files --compress=2")
  # The same collector choice as ./parley attendant (see there and docs/benchmarks.md, "Attendant").
  [[ "$name" == parley-attendant ]] && args+=(--java-options -XX:+UseG1GC --java-options -Xms48m --java-options -XX:TieredStopAtLevel=1)

  # The runtime's modules: what jdeps finds in every jar (not only those reachable from the main jar: SLF4J finds
  # Logback through a service, for one), plus providers loaded only through services (EC for TLS).
  local jdeps_args=(--print-module-deps --ignore-missing-deps --multi-release 17 --class-path "$input/*")
  if [[ "$kind" == gui ]]; then
    ls "$fxdir"/*.jar >/dev/null 2>&1 || { echo "jpackage.sh: no javafx-*-$fx.jar in $module/target/lib" >&2; exit 1; }
    args+=(--module-path "$fxdir")
    jdeps_args+=(--module-path "$fxdir")
  fi
  modules=$("${jdk_bin}jdeps" "${jdeps_args[@]}" "$input"/*.jar | tail -n 1)
  modules="$modules,jdk.crypto.ec${PARLEY_EXTRA_MODULES:+,$PARLEY_EXTRA_MODULES}"
  [[ "$kind" == gui && ",$modules," != *,javafx.controls,* ]] && modules="$modules,javafx.controls"
  args+=(--add-modules "$modules")

  case "$os-$type" in
    linux-app-image|mac-app-image|windows-app-image) ;;
    linux-*) args+=(--linux-package-name "$name" --linux-app-category net --linux-menu-group Network)
             [[ "$kind" == gui ]] && args+=(--linux-shortcut) ;;
    mac-*) args+=(--mac-package-identifier "org.parley.$name") ;;
    windows-*) args+=(--win-menu --win-menu-group Parley --win-dir-chooser)
               [[ "$kind" == gui ]] && args+=(--win-shortcut) ;;
  esac
  [[ "$os" == windows && "$kind" == console ]] && args+=(--win-console)

  echo "jpackage.sh: $name $version ($type) with modules $modules"
  [[ "$type" == app-image ]] && rm -rf "${work:?}/$type/$name" "${work:?}/$type/$name.app"
  "${jdk_bin}jpackage" "${args[@]}"
}

for w in "${what[@]}"; do
  case "$w" in
    client) package_one parley-client client-app org.parley.client.ClientMain gui "Parley Communicator: calls, chat and presence" ;;
    attendant) package_one parley-attendant attendant-app org.parley.attendant.AttendantMain gui "Parley Attendant console" ;;
    server) package_one parley server-lite org.parley.server.cli.ParleyCommand console "Parley server: SIP registrar and proxy" ;;
  esac
done
echo "jpackage.sh: done; output in ${work#$root/}/$type/"
ls -1 "$work/$type"
