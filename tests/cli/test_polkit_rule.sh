# The polkit rule the package installs (data/50-motcua-timedate.rules) lets
# the `motcua` user set the clock through timedated and nothing else: not
# another user, not another timedated action (time zone, NTP). polkitd runs
# rules in a JavaScript engine; node evaluates the file the same way here
# with a stub `polkit` (skips without node).
. "$(dirname "$0")/lib.sh"
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
rule="$MOTCUA_SRC/data/50-motcua-timedate.rules"
out=$(node -e '
const fs = require("fs");
const rules = [];
const polkit = { Result: { YES: "yes", NO: "no", NOT_HANDLED: null }, addRule: f => rules.push(f) };
new Function("polkit", fs.readFileSync(process.argv[1], "utf8"))(polkit);
const ask = (id, user) => rules.map(f => f({ id }, { user })).find(r => r) || "not-handled";
for (const [id, user] of [
	["org.freedesktop.timedate1.set-time", "motcua"],
	["org.freedesktop.timedate1.set-time", "nobody"],
	["org.freedesktop.timedate1.set-timezone", "motcua"],
	["org.freedesktop.timedate1.set-ntp", "motcua"],
	["org.freedesktop.login1.reboot", "motcua"]])
	console.log(id + " " + user + " " + ask(id, user));
' "$rule" 2>&1)
echo "$out"
expect_in "$out" "org.freedesktop.timedate1.set-time motcua yes" "the motcua user sets the clock"
expect_in "$out" "org.freedesktop.timedate1.set-time nobody not-handled" "another user"
expect_in "$out" "org.freedesktop.timedate1.set-timezone motcua not-handled" "the time zone"
expect_in "$out" "org.freedesktop.timedate1.set-ntp motcua not-handled" "NTP"
expect_in "$out" "org.freedesktop.login1.reboot motcua not-handled" "another service"
finish
