"""Prints the tests that ran, grouped by kind (unit, slice, module, integration, browser)."""
import glob
import os
import xml.etree.ElementTree as ET

KINDS = ["unit", "slice", "module", "integration", "browser"]


def kind_of(class_name: str) -> str:
    path = os.path.join("src/test/java", *class_name.split(".")) + ".java"
    source = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if class_name.endswith("IT"):
        return "browser"
    if "@WebMvcTest" in source or "@DataJpaTest" in source:
        return "slice"
    if "@ApplicationModuleTest" in source or "ApplicationModules" in source:
        return "module"
    if "@CessioIntegrationTest" in source or "@SpringBootTest" in source:
        return "integration"
    return "unit"


rows = {kind: [] for kind in KINDS}
for report in sorted(glob.glob("target/surefire-reports/TEST-*.xml") + glob.glob("target/failsafe-reports/TEST-*.xml")):
    suite = ET.parse(report).getroot()
    name = suite.get("name")
    tests, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
    rows[kind_of(name)].append((name, tests, failures + errors, skipped))

print("\n== Test report by kind")
total = [0, 0, 0]
for kind in KINDS:
    if not rows[kind]:
        continue
    count = sum(r[1] for r in rows[kind])
    print(f"{kind}: {len(rows[kind])} classes, {count} tests")
    for name, tests, failed, skipped in rows[kind]:
        print(f"    {name}: {tests} run, {failed} failed, {skipped} skipped")
    total[0] += count
    total[1] += sum(r[2] for r in rows[kind])
    total[2] += sum(r[3] for r in rows[kind])
print(f"all: {total[0] - total[1] - total[2]} passed, {total[1]} failed, {total[2]} skipped")
