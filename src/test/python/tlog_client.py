#!/usr/bin/env python3
"""Independent verifying client for a C2SP tlog-tiles transparency log.

Python 3.11 standard library only, written from RFC 6962, RFC 9162, RFC 8032 and
C2SP signed-note, tlog-checkpoint and tlog-tiles; it shares no code with the log.
  1. checkpoint: URL/checkpoint is parsed strictly as a signed note (UTF-8, no
     control characters, "— name base64" signature lines) holding a checkpoint
     (origin == ORIGIN, size without leading zeros, 32-byte root).  Exactly one
     line must carry the verifier key's name and key id, and its Ed25519
     signature must verify (RFC 8032 5.1.7 implemented here: S < L, strict point
     decoding, cofactorless [S]B = R + [k]A).  Other lines (cosignatures) are ignored.
  2. tiles: the RFC 6962 root computed from all level-0 tiles must equal the
     checkpoint root; every hash of every higher-level tile that exists for this
     size must equal the Merkle Tree Hash of the full tile one level below.
  3. entries: bundles holding the sampled indexes (every index below 2000 entries,
     else --samples spread over the log incl. first and last) are fetched, and each
     entry in them must hash (SHA-256(0x00 || entry)) to its level-0 tile hash.
  4. inclusion: an RFC 6962 2.1.1 audit path per sampled index is built from the
     level-0 hashes and verified with the RFC 9162 2.1.3.2 algorithm.
  5. consistency (--state FILE, holding a previous size and base64 root): the tree
     must not shrink, the old root must match, and PROOF(m, D[n]) (RFC 6962 2.1.2)
     must verify with RFC 9162 2.1.4.2; the current size and root are then saved.
Exit status: 0 all verified, 1 a check failed ("FAIL: ..."), 2 usage/network error.
--self-test checks the Ed25519, note and Merkle code against the vectors under
$TLOG_CORPUS (the test vectors vendored in this repository, src/test/resources/vectors,
when unset).
"""
import argparse, base64, gzip, hashlib, json, os, re, sys, urllib.error, urllib.request

class Fail(Exception):  # something did not verify: exit status 1
    pass

class Unusable(Exception):  # usage, local file or network problem: exit status 2
    pass

# ---- Ed25519 verification (RFC 8032 section 5.1) ----------------------------------------
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P

def _add(p, q):  # extended coordinates (X, Y, Z, T) with x = X/Z, y = Y/Z, xy = T/Z (5.1.4)
    a, b = (p[1] - p[0]) * (q[1] - q[0]) % P, (p[1] + p[0]) * (q[1] + q[0]) % P
    c, d = 2 * p[3] * q[3] * D % P, 2 * p[2] * q[2] % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % P, g * h % P, f * g % P, e * h % P

def _mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        q, p, s = (_add(q, p) if s & 1 else q), _add(p, p), s >> 1
    return q

def decode_point(b):
    """RFC 8032 5.1.3; None for an invalid encoding (including y >= p)."""
    y = int.from_bytes(b, "little") if len(b) == 32 else P << 1
    x0, y = y >> 255, y & ((1 << 255) - 1)
    if y >= P:
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P != u:
        if v * x * x % P != (-u) % P:
            return None
        x = x * pow(2, (P - 1) // 4, P) % P
    if x == 0 and x0:
        return None
    x = P - x if x & 1 != x0 else x
    return x, y, 1, x * y % P

B = decode_point((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))

def ed25519_verify(pub, msg, sig):
    if len(pub) != 32 or len(sig) != 64:
        return False
    a, r, s = decode_point(pub), decode_point(sig[:32]), int.from_bytes(sig[32:], "little")
    if a is None or r is None or s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(sig[:32] + pub + msg).digest(), "little") % L
    lhs, rhs = _mul(s, B), _add(r, _mul(k, a))  # compare projectively: X1*Z2 == X2*Z1 etc.
    return (lhs[0] * rhs[2] - rhs[0] * lhs[2]) % P == 0 and (lhs[1] * rhs[2] - rhs[1] * lhs[2]) % P == 0

# ---- signed notes and checkpoints -------------------------------------------------------
def b64(text, length, what):
    """Strict, canonical standard base64 of exactly `length` bytes (None: any length)."""
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = None
    if raw is None or base64.b64encode(raw).decode() != text or length not in (None, len(raw)):
        raise Fail(f"{what}: not canonical base64 of {length or 'some'} bytes: {text!r}")
    return raw

def parse_vkey(vkey):
    """'<name>+<hex key id>+<base64(0x01 || key)>' -> (name, 4-byte key id, 32-byte key)."""
    name, _, rest = vkey.strip().partition("+")
    kid_hex, _, key_b64 = rest.partition("+")
    try:
        key = b64(key_b64, 33, "verifier key")
    except Fail as e:
        raise Unusable(str(e)) from None
    if not name or re.search(r"\s", name) or not re.fullmatch(r"[0-9a-fA-F]{8}", kid_hex) or key[0] != 1:
        raise Unusable(f"malformed or non-Ed25519 verifier key {vkey!r}")
    kid = hashlib.sha256(name.encode() + b"\n" + key).digest()[:4]
    if kid != bytes.fromhex(kid_hex):
        raise Unusable(f"verifier key id {kid_hex} != SHA-256(name || 0x0A || 0x01 || key)[:4] = {kid.hex()}")
    return name, kid, key[1:]

def verify_note(data, name, kid, pub):
    """Strictly parse a signed note and verify it: returns (text, ignored signature count)."""
    try:
        note = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Fail("note is not valid UTF-8") from None
    if any(c < " " and c != "\n" for c in note):
        raise Fail("note contains a control character")
    cut = note.rfind("\n\n")
    if cut < 0 or not note.endswith("\n"):
        raise Fail("note lacks the blank line before its signatures or a final newline")
    text, lines, good = note[:cut + 1], note[cut + 2:-1].split("\n"), 0
    if len(lines) > 100:
        raise Fail("note has too many signature lines")
    for line in lines:
        m = re.fullmatch(r"\u2014 ([^\s+]+) ([A-Za-z0-9+/=]+)", line)
        raw = b64(m.group(2), None, "signature") if m else b""
        if len(raw) < 5:
            raise Fail(f"malformed signature line {line!r}")
        if m.group(1) == name and raw[:4] == kid:
            if not ed25519_verify(pub, text.encode(), raw[4:]):
                raise Fail(f"the signature by {name}+{kid.hex()} does not verify")
            good += 1
    if good != 1:
        raise Fail(f"expected exactly one signature by {name}+{kid.hex()}, found {good}")
    return text, len(lines) - 1

def parse_checkpoint(text, origin):
    """tlog-checkpoint note text -> (size, root, number of extension lines)."""
    lines = text[:-1].split("\n") if text.endswith("\n") else []
    if len(lines) < 3 or "" in lines:
        raise Fail("checkpoint needs at least 3 lines, none empty")
    if lines[0] != origin:
        raise Fail(f"checkpoint origin {lines[0]!r} != expected {origin!r}")
    if not re.fullmatch(r"0|[1-9][0-9]{0,18}", lines[1]):
        raise Fail(f"bad checkpoint tree size {lines[1]!r}")
    return int(lines[1]), b64(lines[2], 32, "checkpoint root"), len(lines) - 3

# ---- RFC 6962 Merkle trees and RFC 9162 proof verification ------------------------------
def sha(data):
    return hashlib.sha256(data).digest()

def leaf_hash(entry):
    return sha(b"\x00" + entry)

def node(left, right):
    return sha(b"\x01" + left + right)

def split(n):
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)

def tile_root(hashes):
    """Merkle Tree Hash of the 256 hashes of a full tile."""
    while len(hashes) > 1:
        hashes = [node(hashes[i], hashes[i + 1]) for i in range(0, len(hashes), 2)]
    return hashes[0]

class Tree:
    """levels[h][i] = MTH(D[i*2^h : (i+1)*2^h]) for every complete, aligned subtree."""

    def __init__(self, leaf_hashes):
        self.levels = [leaf_hashes]
        while len(low := self.levels[-1]) > 1:
            self.levels.append([node(low[i], low[i + 1]) for i in range(0, len(low) - 1, 2)])

    def mth(self, lo, hi):
        """MTH(D[lo:hi])."""
        n = hi - lo
        if n == 0:
            return sha(b"")
        if n & (n - 1) == 0 and lo % n == 0:
            return self.levels[n.bit_length() - 1][lo // n]
        return node(self.mth(lo, lo + split(n)), self.mth(lo + split(n), hi))

    def path(self, m, lo, hi):
        """PATH(m, D[lo:hi]) of RFC 6962 2.1.1, m relative to lo."""
        if hi - lo <= 1:
            return []
        k = split(hi - lo)
        if m < k:
            return self.path(m, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.path(m - k, lo + k, hi) + [self.mth(lo, lo + k)]

    def subproof(self, m, lo, hi, complete):
        """SUBPROOF(m, D[lo:hi], b) of RFC 6962 2.1.2; PROOF(m, D[n]) = subproof(m, 0, n, True)."""
        if m == hi - lo:
            return [] if complete else [self.mth(lo, hi)]
        k = split(hi - lo)
        if m <= k:
            return self.subproof(m, lo, lo + k, complete) + [self.mth(lo + k, hi)]
        return self.subproof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]

def verify_inclusion(index, size, leaf, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root

def verify_consistency(m, n, old, new, proof):
    """RFC 9162 section 2.1.4.2, plus the trivial cases m == n (same root) and m == 0."""
    if m >= n or m == 0:
        return m <= n and not proof and old == (new if m == n else sha(b""))
    if not proof:
        return False
    if m & (m - 1) == 0:  # m is a power of two: the old root is the first node
        proof = [old] + proof
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == old and sr == new and sn == 0

# ---- tlog-tiles over HTTP ---------------------------------------------------------------
def tile_path(level, n, width=256):
    """tile/<L>/<N>[.p/<W>] with N in 3-digit groups, all but the last prefixed with x."""
    digits = str(n).zfill((len(str(n)) + 2) // 3 * 3)
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    return f"tile/{level}/" + "/".join(["x" + g for g in groups[:-1]] + groups[-1:]) \
        + (f".p/{width}" if width < 256 else "")

def fetch(url, missing_ok=False):
    headers = {"Accept-Encoding": "gzip, identity", "User-Agent": "tlog_client.py"}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as resp:
            data = resp.read()
            gzipped = resp.headers.get("Content-Encoding", "").strip().lower() == "gzip"
            return gzip.decompress(data) if gzipped else data
    except urllib.error.HTTPError as e:
        if missing_ok and e.code == 404:
            return None
        raise Unusable(f"GET {url}: HTTP {e.code}") from None
    except Exception as e:  # URLError, timeout, reset connection, bad gzip
        raise Unusable(f"GET {url}: {e}") from None

def fetch_tile(base, level, n, width):
    """The `width` hashes (or entries, if level == "entries") of tile n.  A partial tile
    may be deleted once the full tile exists (tlog-tiles): then use the full tile's prefix."""
    url = base + tile_path(level, n, width)
    data, full = fetch(url, missing_ok=width < 256), width == 256
    if data is None:
        url, full = base + tile_path(level, n), True
        data = fetch(url)
    if level == "entries":  # entry bundle: big-endian uint16 length-prefixed entries
        items, i = [], 0
        while i < len(data):
            end = i + 2 + int.from_bytes(data[i:i + 2], "big")
            if end > len(data):
                raise Fail(f"{url}: truncated entry bundle")
            items.append(data[i + 2:end])
            i = end
    elif len(data) % 32:
        raise Fail(f"{url}: {len(data)} bytes is not a whole number of hashes")
    else:
        items = [data[i:i + 32] for i in range(0, len(data), 32)]
    items = items[:width] if full and len(items) == 256 else items
    if len(items) != width:
        raise Fail(f"{url}: {len(items)} {'entries' if level == 'entries' else 'hashes'} instead of {width}")
    return items

# ---- the five steps ---------------------------------------------------------------------
def run(args):
    name, kid, pub = parse_vkey(args.vkey)
    origin = name if args.origin is None else args.origin
    base = args.log_url.rstrip("/") + "/"

    text, ignored = verify_note(fetch(base + "checkpoint"), name, kid, pub)
    size, root, ext = parse_checkpoint(text, origin)
    root64 = base64.b64encode(root).decode()
    print(f"[1] checkpoint OK: origin {origin}, size {size}, root {root64}; Ed25519 signature by "
          f"{name}+{kid.hex()} verified ({ignored} other signature(s) ignored, {ext} extension line(s))")

    leaves = []
    for n in range((size + 255) // 256):
        leaves += fetch_tile(base, 0, n, min(256, size - 256 * n))
    tree = Tree(leaves)
    if tree.mth(0, size) != root:
        got = base64.b64encode(tree.mth(0, size)).decode()
        raise Fail(f"root computed from the level-0 tiles {got} != checkpoint root {root64}")
    below, level, tiles = leaves, 1, 0
    while count := size >> (8 * level):  # hashes at this level = full tiles one level below
        hashes = []
        for n in range((count + 255) // 256):
            hashes, tiles = hashes + fetch_tile(base, level, n, min(256, count - 256 * n)), tiles + 1
        for j, h in enumerate(hashes):
            if tile_root(below[256 * j:256 * j + 256]) != h:
                raise Fail(f"level {level} tile hash {j} != MTH of level {level - 1} tile {j}")
        below, level = hashes, level + 1
    print(f"[2] tiles OK: {(size + 255) // 256} level-0 tile(s) give the checkpoint root; "
          f"{tiles} tile(s) on {level - 1} higher level(s) match the tiles below them")

    k = max(args.samples, 2)
    samples = list(range(size)) if size < 2000 else sorted({(size - 1) * i // (k - 1) for i in range(k)})
    bundles = {}
    for n in sorted({i // 256 for i in samples}):
        bundles[n] = fetch_tile(base, "entries", n, min(256, size - 256 * n))
        for j, entry in enumerate(bundles[n]):
            if leaf_hash(entry) != leaves[256 * n + j]:
                raise Fail(f"entry {256 * n + j}: leaf hash != level-0 tile hash")
    first = f"first entry ({len(bundles[0][0])} bytes): {bundles[0][0][:400].decode('utf-8', 'replace')!r}" \
        if size else "log is empty"
    print(f"[3] entries OK: {sum(map(len, bundles.values()))} entries in {len(bundles)} bundle(s) "
          f"match the level-0 tiles ({len(samples)} sampled); {first}")

    for i in samples:
        if not verify_inclusion(i, size, leaf_hash(bundles[i // 256][i % 256]), tree.path(i, 0, size), root):
            raise Fail(f"inclusion proof for entry {i} does not verify")
    print(f"[4] inclusion OK: {len(samples)} audit path(s) verified against the checkpoint root")

    if args.state and os.path.exists(args.state):
        try:
            with open(args.state, encoding="utf-8") as f:
                old_text, old64 = f.read().split("\n")[:2]
            old_size, old_root = int(old_text), b64(old64, 32, "root")
        except (OSError, ValueError, Fail) as e:
            raise Unusable(f"state file {args.state} unreadable or malformed: {e}") from None
        if old_size > size:
            raise Fail(f"the tree shrank: previous size {old_size} > current size {size}")
        if tree.mth(0, old_size) != old_root:
            raise Fail(f"the previous root at size {old_size} does not match the current tree (fork?)")
        proof = tree.subproof(old_size, 0, size, True) if 0 < old_size < size else []
        if not verify_consistency(old_size, size, old_root, root, proof):
            raise Fail(f"consistency proof {old_size} -> {size} does not verify")
        print(f"[5] consistency OK: {old_size} -> {size}, {len(proof)}-hash proof verified against both roots")
    elif args.state:
        print(f"[5] consistency: no previous state in {args.state}, nothing to compare")
    if args.state:
        with open(args.state + ".tmp", "w", encoding="utf-8") as f:
            f.write(f"{size}\n{root64}\n")
        os.replace(args.state + ".tmp", args.state)
    print(f"OK: log {origin} verified at size {size}")

# ---- self-test against the corpus vectors -----------------------------------------------
def self_test():
    corpus = os.environ.get("TLOG_CORPUS") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "resources", "vectors")

    # The same files where the project vendors them (src/test/resources/vectors).
    vendored = {
        "merkle/c2sp-examples/signed-note_vkey-example.vkey": "c2sp-examples/signed-note_vkey-example.vkey",
        "merkle/c2sp-examples/signed-note_vkey-example.note": "c2sp-examples/signed-note_vkey-example.note",
        "merkle/rfc6962-reference-tree.json": "rfc6962/rfc6962-reference-tree.json",
    }

    def load(rel):
        for candidate in (rel, vendored.get(rel)):
            if candidate and os.path.exists(path := os.path.join(corpus, candidate)):
                with open(path, "rb") as f:
                    return f.read()
        print(f"skipped: {os.path.join(corpus, rel)} not found")

    def check(ok, what):
        if not ok:
            raise Fail(f"self-test: {what}")

    def rejects(fn, *args, error=Fail):
        try:
            fn(*args)
        except error:
            return True

    if raw := load("crypto/rfc8032-ed25519-test-vectors.json"):
        for v in (vectors := json.loads(raw)["vectors"]):
            pub, msg, sig = (bytes.fromhex(v[k]) for k in ("publicKeyHex", "messageHex", "signatureHex"))
            s_plus_l = (int.from_bytes(sig[32:], "little") + L).to_bytes(32, "little")
            check(ed25519_verify(pub, msg, sig), f"{v['name']} does not verify")
            for bad_msg, bad_sig in ((msg + b"x", sig), (msg, sig[:5] + bytes([sig[5] ^ 1]) + sig[6:]),
                                     (msg, sig[:40] + bytes([sig[40] ^ 1]) + sig[41:]), (msg, sig[:32] + s_plus_l)):
                check(not ed25519_verify(pub, bad_msg, bad_sig), f"{v['name']}: a corruption was accepted")
        check(decode_point((P + 1).to_bytes(32, "little")) is None and decode_point((1).to_bytes(32, "little"))
              and decode_point((1 | 1 << 255).to_bytes(32, "little")) is None, "non-canonical y or x=0 with sign 1")
        print(f"ok: {len(vectors)} RFC 8032 Ed25519 vectors verify; changed message, corrupted R or S, "
              "non-canonical S+L, non-canonical y (p+1) and x = 0 with sign bit 1 are rejected")
    if raw := load("crypto/wycheproof/testvectors_v1/ed25519_test.json"):
        tests = [(g["publicKey"]["pk"], t) for g in json.loads(raw)["testGroups"] for t in g["tests"]]
        for pk, t in tests:
            got = ed25519_verify(bytes.fromhex(pk), bytes.fromhex(t["msg"]), bytes.fromhex(t["sig"]))
            check(got == (t["result"] == "valid"), f"Wycheproof tcId {t['tcId']} gave {got}")
        print(f"ok: {len(tests)} Wycheproof Ed25519 vectors give the expected result")

    vkey = load("merkle/c2sp-examples/signed-note_vkey-example.vkey")
    if vkey and (note := load("merkle/c2sp-examples/signed-note_vkey-example.note")):
        key = parse_vkey(vkey.decode())
        text = verify_note(note, *key)[0]
        for bad in (note.replace(b"example", b"Example", 1), note.replace(b"\n\n", b"\n", 1),
                    note.replace(key[0].encode(), b"other.example/foo"), note + note.split(b"\n\n")[1]):
            check(rejects(verify_note, bad, *key), f"bad note accepted: {bad!r}")
        check(rejects(parse_vkey, vkey.decode().replace("+530d", "+630d"), error=Unusable), "bad key id accepted")
        print(f"ok: vkey {key[0]}+{key[1].hex()} (key id checked); the example note verifies ({text!r}); "
              "wrong key id, changed text, no blank line, unknown key only, duplicate signature are rejected")
    good = "example.com/log\n12\n" + base64.b64encode(bytes(32)).decode() + "\n"
    check(parse_checkpoint(good, "example.com/log")[:2] == (12, bytes(32)), "valid checkpoint rejected")
    for bad in (good.replace("12", "012"), good.replace("12", "+12"), good.replace("12", "1 2"),
                good.replace("/log\n", "/lg\n"), good.replace("AAAA", "AAA", 1), good + "\n", good[:-1]):
        check(rejects(parse_checkpoint, bad, "example.com/log"), f"bad checkpoint accepted: {bad!r}")
    check(tile_path(0, 1234067) == "tile/0/x001/x234/067" and tile_path(2, 5, 7) == "tile/2/005.p/7"
          and tile_path("entries", 1000) == "tile/entries/x001/000", "tile path encoding")
    print("ok: checkpoint parser (leading zero, origin, root length, empty/missing lines) and tile paths")

    if raw := load("merkle/rfc6962-reference-tree.json"):
        ref = json.loads(raw)
        tree = Tree([leaf_hash(bytes.fromhex(x)) for x in ref["leafInputsHex"]])
        for size, root in ref["rootHashesBySizeHex"].items():
            check(tree.mth(0, int(size)).hex() == root, f"root of size {size}")
        for v in (incl := ref["inclusionProofs"] + ref["derived"]["allInclusionProofs"]):
            i, n, path = v["leafIndex"], v["treeSize"], [bytes.fromhex(h) for h in v["auditPathHex"]]
            check(tree.path(i, 0, n) == path, f"audit path of {i} in {n}")
            check(verify_inclusion(i, n, tree.levels[0][i], path, tree.mth(0, n)), f"inclusion of {i} in {n}")
            check(not verify_inclusion(i, n, sha(b"x"), path, tree.mth(0, n)), f"bad leaf {i} in {n}")
        for v in (cons := ref["consistencyProofs"] + ref["derived"]["allConsistencyProofs"]):
            m, n, proof = v["size1"], v["size2"], [bytes.fromhex(h) for h in v["proofHex"]]
            old, new = tree.mth(0, m), tree.mth(0, n)
            check((tree.subproof(m, 0, n, True) if m < n else []) == proof, f"consistency proof {m} -> {n}")
            check(verify_consistency(m, n, old, new, proof), f"consistency {m} -> {n}")
            check(m == n or not verify_consistency(m, n, sha(b"x"), new, proof), f"bad old root {m} -> {n}")
        check(not verify_inclusion(0, 2, tree.mth(0, 1), [], tree.mth(0, 1)), "too short audit path accepted")
        check(not verify_consistency(4, 16, tree.mth(0, 4), tree.mth(0, 8), tree.subproof(4, 0, 8, True)),
              "consistency proof 4 -> 8 accepted as 4 -> 16")
        print(f"ok: RFC 6962 roots of sizes 0..8; {len(incl)} audit paths and {len(cons)} consistency proofs "
              "built identically to the vectors and verified with RFC 9162; wrong hashes or sizes rejected")
    print("OK: self-test passed")

def main():
    ap = argparse.ArgumentParser(description="Verify a C2SP tlog-tiles log (see the module docstring).")
    ap.add_argument("--log-url", help="log prefix, e.g. http://127.0.0.1:8080/log")
    ap.add_argument("--vkey", help="signed-note verifier key name+keyid+base64")
    ap.add_argument("--origin", help="expected checkpoint origin (default: the key name)")
    ap.add_argument("--samples", type=int, default=20, help="entries to check in logs of >= 2000")
    ap.add_argument("--state", help="file with the previous size and root, for consistency")
    ap.add_argument("--self-test", action="store_true", help="check against the corpus vectors")
    args = ap.parse_args()
    if not args.self_test and (not args.log_url or not args.vkey or args.samples < 1):
        ap.error("--log-url and --vkey are required and --samples must be >= 1")
    try:
        self_test() if args.self_test else run(args)
        return 0
    except Fail as e:
        print(f"FAIL: {e}")
        return 1
    except Unusable as e:
        print(f"ERROR: {e}")
        return 2

if __name__ == "__main__":
    sys.exit(main())
