# Shared by the widenets scripts: repository paths and the checks every entry point makes first.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${WIDENETS_VENV:-$ROOT/.venv}"
export JJAVA_JVM_OPTS="${JJAVA_JVM_OPTS:--Xmx6g -Djava.awt.headless=true}"

die() { echo "widenets: $*" >&2; exit 2; }

# The JJava kernel runs notebooks inside `java` from PATH: it must be a JDK 17 or newer.
require_java17() {
  command -v java >/dev/null 2>&1 || die "no 'java' on PATH: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
  local v major
  v=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  major=${v%%.*}
  [ "$major" = "1" ] && major=$(echo "$v" | cut -d. -f2)
  [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 17 ] || die "'java' on PATH is version ${v:-unknown}; widenets needs a JDK 17 or newer on PATH"
  command -v javac >/dev/null 2>&1 || die "'javac' not on PATH: JJava needs a full JDK 17+, not a JRE"
}

require_venv() {
  [ -x "$VENV/bin/python" ] && [ -f "$VENV/share/jupyter/kernels/java/kernel.json" ] \
    || die "the notebook environment $VENV is missing: run scripts/setup-kernel first"
}

# Data sets are read from ../shared when it is there (CI, developers), else downloaded and verified.
if [ -z "${WIDENETS_UCI_DIR:-}" ] && [ -d "$ROOT/../shared/uci" ]; then export WIDENETS_UCI_DIR="$ROOT/../shared/uci"; fi
if [ -z "${WIDENETS_DIGITS_DIR:-}" ] && [ -d "$ROOT/../shared/digits" ]; then export WIDENETS_DIGITS_DIR="$ROOT/../shared/digits"; fi
