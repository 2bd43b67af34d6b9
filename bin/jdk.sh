# Sourced by ./mvnw and bin/sagaflow: makes JAVA_HOME point at a JDK 21 or newer.
# The machines' default java is 17, so a plain `java` is not enough; we look at
# JAVA_HOME, then the java on PATH, then the usual install folders.

sagaflow_java_major() {
  # prints the feature version of the java binary given as $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

sagaflow_find_jdk() {
  local candidate major restore_noglob=
  # ./mvnw runs under `set -f`; the install folders below need globbing.
  case $- in *f*) restore_noglob=1; set +f ;; esac
  for candidate in "${JAVA_HOME:-}" \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(sagaflow_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      [ -z "$restore_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$restore_noglob" ] || set -f
  return 1
}

if ! SAGAFLOW_JDK=$(sagaflow_find_jdk); then
  echo "Sagaflow needs a JDK 21 or newer, and none was found." >&2
  echo "Looked at JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH and /usr/lib/jvm/*." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$SAGAFLOW_JDK"

# Maven 3.9's bundled Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every build.
if [ "$(sagaflow_java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" ;;
  esac
fi
