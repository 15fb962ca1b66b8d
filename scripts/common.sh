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

# The library's fast input Gram (org.widenets.kernel.VectorGram) needs the incubator module
# jdk.incubator.vector in the kernel JVM's boot layer. JJava's launcher builds the kernel's command line from
# JJAVA_JVM_OPTS, which users set themselves (README) and which a kernelspec env entry would override, so the
# module comes through JDK_JAVA_OPTIONS, read by every `java` launcher, in the kernelspec's env: the kernel
# JVM inherits it. Idempotent; keeps other options there; skipped (scalar Gram) on a JDK without the module.
# The JVMs print "NOTE: Picked up JDK_JAVA_OPTIONS" and "WARNING: Using incubator modules" on stderr, which
# goes to the kernel's log, never into a notebook.
kernel_add_vector_module() {  # kernel_add_vector_module PYTHON KERNEL_JSON
  local py=$1 spec=$2
  [ -f "$spec" ] || die "no kernelspec at $spec"
  if ! java --add-modules=jdk.incubator.vector -version >/dev/null 2>&1; then
    echo "widenets: this JDK has no jdk.incubator.vector: notebooks will use the scalar input Gram" >&2
    return 0
  fi
  "$py" - "$spec" <<'PY'
import json, sys
path, option = sys.argv[1], "--add-modules=jdk.incubator.vector"
with open(path) as f:
    spec = json.load(f)
env = spec.setdefault("env", {})
options = env.get("JDK_JAVA_OPTIONS", "").split()
if option not in options:
    env["JDK_JAVA_OPTIONS"] = " ".join(options + [option])
    with open(path, "w") as f:
        json.dump(spec, f, indent=4)
        f.write("\n")
PY
}

require_venv() {
  [ -x "$VENV/bin/python" ] && [ -f "$VENV/share/jupyter/kernels/java/kernel.json" ] \
    || die "the notebook environment $VENV is missing: run scripts/setup-kernel first"
}

# Data sets are read from ../shared when it is there (CI, developers), else downloaded and verified.
if [ -z "${WIDENETS_UCI_DIR:-}" ] && [ -d "$ROOT/../shared/uci" ]; then export WIDENETS_UCI_DIR="$ROOT/../shared/uci"; fi
if [ -z "${WIDENETS_DIGITS_DIR:-}" ] && [ -d "$ROOT/../shared/digits" ]; then export WIDENETS_DIGITS_DIR="$ROOT/../shared/digits"; fi
