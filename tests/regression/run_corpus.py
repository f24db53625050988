#!/usr/bin/env python3
"""Runs the regression corpus: inputs that once crashed collabnet, ran away
with memory, lost what a user gave, or passed in silence.

Each case (corpus.toml) builds its inputs in a fresh folder, runs one
collabnet command there and checks: the exit code, a fragment of the
message, that every file present before is unchanged (bytes and mode)
unless the case lets it change, that named outputs do not exist afterwards
(or do, with the modes given),
and that no temporary file or folder is left behind. With --check-rss, the
command's peak resident memory must stay under the case's ceiling (the
sanitizers' allocator distorts it, so their build runs without).

Usage: run_corpus.py COLLABNET CORPUS.toml REPO_ROOT [--check-rss] [NAME...]
"""

import gzip
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import tomllib


def snapshot(root):
    """Every path under root with its kind, bytes' digest and mode."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                out[rel] = ("file", digest, stat.S_IMODE(st.st_mode))
            elif stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path), 0)
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", "", stat.S_IMODE(st.st_mode))
            else:
                out[rel] = ("other", "", stat.S_IMODE(st.st_mode))
    return out


class Endless(threading.Thread):
    """Writes `text` into a FIFO until the reader goes away."""

    def __init__(self, path, text, prefix=""):
        super().__init__(daemon=True)
        self.path = path
        self.prefix = prefix.encode()
        self.chunk = (text * (65536 // max(len(text), 1) + 1)).encode()
        self.stop = False

    def run(self):
        fd = None
        while fd is None and not self.stop:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)  # no reader yet
        if fd is None:
            return
        os.set_blocking(fd, True)
        try:
            os.write(fd, self.prefix)
            while not self.stop:
                os.write(fd, self.chunk)
        except OSError:
            pass  # the reader closed its end
        finally:
            os.close(fd)


def setup(case, work, repo):
    writers = []
    for step in case.get("setup", []):
        verb, args = step[0], step[1:]
        p = lambda name: os.path.join(work, name)
        if verb == "write":
            os.makedirs(os.path.dirname(p(args[0])) or work, exist_ok=True)
            with open(p(args[0]), "wb") as f:
                f.write(args[1].encode("utf-8", "surrogateescape"))
        elif verb == "bytes":  # hexadecimal content
            with open(p(args[0]), "wb") as f:
                f.write(bytes.fromhex(args[1]))
        elif verb == "repeat":
            with open(p(args[0]), "wb") as f:
                f.write(args[1].encode() * int(args[2]))
        elif verb == "lines":
            with open(p(args[0]), "w") as f:
                f.write(args[1] + "\n")
                for i in range(1, int(args[3]) + 1):
                    f.write(args[2].replace("{i}", str(i)) + "\n")
        elif verb == "corrupt":  # flips the bytes from OFFSET on, for 16
            with open(p(args[0]), "r+b") as f:
                f.seek(int(args[1]))
                data = f.read(16)
                f.seek(int(args[1]))
                f.write(bytes(b ^ 0x5A for b in data))
        elif verb == "copy":  # a file or folder of the repository
            src = os.path.join(repo, args[0])
            if os.path.isdir(src):
                shutil.copytree(src, p(args[1]))
            else:
                os.makedirs(os.path.dirname(p(args[1])) or work, exist_ok=True)
                shutil.copy(src, p(args[1]))
        elif verb == "gzip":
            with open(p(args[0]), "rb") as f:
                data = f.read()
            with open(p(args[1]), "wb") as f:
                f.write(gzip.compress(data))
        elif verb == "bomb":  # gzip of zero-free text that expands hugely
            mib = int(args[1])
            line = b"t1 t2\n" * (1 << 14)
            with gzip.open(p(args[0]), "wb", compresslevel=9) as f:
                for _ in range(mib * (1 << 20) // len(line)):
                    f.write(line)
        elif verb == "truncate":
            with open(p(args[0]), "r+b") as f:
                f.truncate(int(args[1]))
        elif verb == "mkdir":
            os.makedirs(p(args[0]), exist_ok=True)
        elif verb == "symlink":
            os.makedirs(os.path.dirname(p(args[0])) or work, exist_ok=True)
            os.symlink(args[1], p(args[0]))
        elif verb == "fifo":
            os.mkfifo(p(args[0]))
        elif verb == "endless":
            os.makedirs(os.path.dirname(p(args[0])) or work, exist_ok=True)
            os.mkfifo(p(args[0]))
            writers.append(Endless(p(args[0]), *args[1:]))
        elif verb == "chmod":
            os.chmod(p(args[1]), int(args[0], 8))
        else:
            raise SystemExit(f"{case['name']}: unknown setup step {verb}")
    return writers


def run_case(case, binary, repo, check_rss):
    problems = []
    work = tempfile.mkdtemp(prefix="collabnet_corpus_")
    try:
        writers = setup(case, work, repo)
        before = snapshot(work)
        args = [a.replace("{repo}", repo) for a in case["args"]]
        for w in writers:
            w.start()
        proc = subprocess.Popen([binary] + args, cwd=work,
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        timeout = case.get("timeout", 120)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            problems.append(f"ran past {timeout} s")
        for w in writers:
            w.stop = True
        err = err.decode("utf-8", "replace")
        out = out.decode("utf-8", "replace")
        if proc.returncode != case["exit"]:
            problems.append(f"exit {proc.returncode}, expected {case['exit']}")
        for fragment in case.get("message", []) if isinstance(
                case.get("message"), list) else [case.get("message", "")]:
            if fragment and fragment not in err:
                problems.append(f"stderr lacks {fragment!r}")
        if "stdout" in case and case["stdout"] not in out:
            problems.append(f"stdout lacks {case['stdout']!r}")
        for fragment in case.get("not_message", []):
            if fragment in err:
                problems.append(f"stderr has {fragment!r}")
        after = snapshot(work)
        may_change = set(case.get("may_change", []))
        for path, was in before.items():
            if path in may_change or was[0] == "other":
                continue
            now = after.get(path)
            if now is None:
                problems.append(f"{path} was removed")
            elif now != was:
                problems.append(f"{path} changed ({was[0]} {oct(was[2])} -> "
                                f"{now[0]} {oct(now[2])})")
        for path in case.get("absent", []):
            if path in after:
                problems.append(f"{path} exists")
        for path in case.get("present", []):
            if path not in after:
                problems.append(f"{path} does not exist")
        for path, mode in case.get("modes", {}).items():
            now = after.get(path)
            if now is None or now[2] != int(mode, 8):
                problems.append(f"{path} has mode "
                                f"{oct(now[2]) if now else 'none'}, "
                                f"expected {mode}")
        for path in after:
            if ".tmp-" in path:
                problems.append(f"temporary {path} left behind")
        if check_rss and "max_rss_mib" in case:
            problems.extend(peak_rss_problems(case, binary, args, work, repo))
        if problems and os.environ.get("CORPUS_VERBOSE"):
            problems.append("stderr: " + err.strip()[:400])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return problems


def peak_rss_problems(case, binary, args, work_unused, repo):
    """Runs the case again in a fresh folder to read its own peak RSS."""
    work = tempfile.mkdtemp(prefix="collabnet_corpus_rss_")
    try:
        writers = setup(case, work, repo)
        for w in writers:
            w.start()
        pid = os.fork()
        if pid == 0:
            os.chdir(work)
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.execv(binary, [binary] + args)
        _, _, usage = os.wait4(pid, 0)
        for w in writers:
            w.stop = True
        peak_mib = usage.ru_maxrss / 1024  # kilobytes on Linux
        if peak_mib > case["max_rss_mib"]:
            return [f"peak memory {peak_mib:.0f} MiB, ceiling "
                    f"{case['max_rss_mib']} MiB"]
        return []
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    argv = sys.argv[1:]
    check_rss = "--check-rss" in argv
    argv = [a for a in argv if a != "--check-rss"]
    binary, corpus, repo, names = (os.path.abspath(argv[0]), argv[1],
                                   os.path.abspath(argv[2]), set(argv[3:]))
    with open(corpus, "rb") as f:
        cases = tomllib.load(f)["case"]
    seen = set()
    failed = 0
    for case in cases:
        if case["name"] in seen:
            raise SystemExit(f"two cases named {case['name']!r}")
        seen.add(case["name"])
        if names and case["name"] not in names:
            continue
        problems = run_case(case, binary, repo, check_rss)
        status = "ok" if not problems else "FAILED"
        print(f"[{status}] {case['name']}")
        for p in problems:
            print(f"    {p}")
        failed += bool(problems)
    print(f"{len(seen) if not names else len(names)} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
