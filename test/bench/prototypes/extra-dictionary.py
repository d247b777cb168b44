# Prototype, not the case format: what `extra` would weigh as (shape, values) with a dictionary
# of repeated values, measured on a copy of a real case, and whether a plain-SQL view gives
# back the exact JSON text. Run: python3 test/bench/prototypes/extra-dictionary.py IN.tlcase OUT.tlcase
# (IN is copied; VACUUM IN first for a fair size). Figures in docs/scale.md section 3b.
# - extra_shape: the key list of a row and, per key, whether its value is dictionary-coded
#   (decided per evidence file: at most 1 distinct value per 20 events).
# - extra_value: the repeated values as JSON text.
# - event_row.extra: a JSON array of the row's values (dictionary ids where coded).
# - event_extra: a view rebuilding the object in key order; compared with the original text
#   on every 97th row.
import sqlite3, json, sys, shutil, os
src, dst = sys.argv[1], sys.argv[2]
shutil.copy(src, dst)
db = sqlite3.connect(dst)
db.execute("PRAGMA journal_mode=OFF")
# per evidence, per key: distinct count
stats = {}
for ev, extra in db.execute("SELECT evidence_id, extra FROM event_row WHERE extra IS NOT NULL"):
    o = json.loads(extra)
    for k, v in o.items():
        s = stats.setdefault((ev, k), [0, set()])
        s[0] += 1
        if len(s[1]) <= 100000: s[1].add(json.dumps(v, ensure_ascii=False))
dictkeys = {ek for ek, (n, d) in stats.items() if len(d) * 20 <= n}
db.executescript("""
CREATE TABLE extra_shape (id INTEGER PRIMARY KEY, keys TEXT NOT NULL, coded TEXT NOT NULL);
CREATE TABLE extra_value (id INTEGER PRIMARY KEY, value TEXT NOT NULL);
ALTER TABLE event_row ADD COLUMN extra_shape INTEGER;
""")
shapes, values = {}, {}
upd = []
for rid, ev, extra in db.execute("SELECT id, evidence_id, extra FROM event_row WHERE extra IS NOT NULL").fetchall():
    o = json.loads(extra)
    keys = list(o.keys())
    coded = [1 if (ev, k) in dictkeys else 0 for k in keys]
    sk = (json.dumps(keys, ensure_ascii=False, separators=(',', ':')), json.dumps(coded, separators=(',', ':')))
    sid = shapes.setdefault(sk, len(shapes) + 1)
    vals = []
    for k, c in zip(keys, coded):
        v = o[k]
        if c:
            t = json.dumps(v, ensure_ascii=False, separators=(',', ':'))
            vals.append(values.setdefault(t, len(values) + 1))
        else:
            vals.append(v)
    upd.append((sid, json.dumps(vals, ensure_ascii=False, separators=(',', ':')), rid))
db.executemany("INSERT INTO extra_shape (id, keys, coded) VALUES (?, ?, ?)", [(i, k, c) for (k, c), i in shapes.items()])
db.executemany("INSERT INTO extra_value (id, value) VALUES (?, ?)", [(i, v) for v, i in values.items()])
db.execute("CREATE TEMP TABLE orig AS SELECT id, extra FROM event_row WHERE id % 97 = 0")
db.executemany("UPDATE event_row SET extra_shape = ?, extra = ? WHERE id = ?", upd)
db.executescript("""
CREATE VIEW event_extra AS
SELECT e.id, CASE WHEN e.extra_shape IS NULL THEN e.extra ELSE (
  SELECT json_group_object(k.value, CASE WHEN c.value = 1 THEN json((SELECT x.value FROM extra_value x WHERE x.id = v.value)) ELSE v.value END)
  FROM extra_shape s, json_each(s.keys) k, json_each(s.coded) c, json_each(e.extra) v
  WHERE s.id = e.extra_shape AND c.key = k.key AND v.key = k.key) END AS extra
FROM event_row e;
""")
db.commit()
bad = db.execute("SELECT count(*), sum(o.extra IS NOT x.extra) FROM temp.orig o JOIN event_extra x ON x.id = o.id").fetchone()
print("checked rows", bad[0], "differing", bad[1])
for r in db.execute("SELECT o.extra, x.extra FROM temp.orig o JOIN event_extra x ON x.id = o.id WHERE o.extra IS NOT x.extra LIMIT 2"): print(r)
db.close()
db = sqlite3.connect(dst); db.execute("VACUUM"); db.close()
print("shapes", len(shapes), "dictionary values", len(values))
n = sqlite3.connect(src).execute("SELECT count(*) FROM event_row").fetchone()[0]
print("before", os.path.getsize(src) / n, "B/event; after", os.path.getsize(dst) / n, "B/event")
