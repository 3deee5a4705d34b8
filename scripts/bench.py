"""Benchmark: every workload of issue 14, timed on the installed `lintlaw` script.

    python scripts/bench.py                 # every row (several minutes)
    python scripts/bench.py --rows cold,big # only some rows (names below)
    python scripts/bench.py --keep /tmp/in  # also leave the generated inputs there

Rows (names for --rows):
  cold     one ~20 KB report, cold start: concise and default (full) format, and
           `python -c pass` of the same interpreter for the ratio
  big      a 5.3 MB file of reports: concise and full; the same at 1/16 size (growth)
  many     2,000 report files (~64 MB): concise with --jobs 1 and --jobs 2, and the
           default full format with the default number of jobs
  memory   peak memory of the 2,000-file runs (concise --jobs 2, and full)
  fix      --fix on the 1/16 and the full-size file (growth), each run on a fresh copy
  tables   a ~40 KB 政府信息公开工作年度报告 with its statistics tables flattened into text
           (examples/information-2024.txt, its overview repeated), cold, concise (issue 13)
  region   2,000 政府信息公开工作年度报告 of 1,000 issuers × two years (~30 KB each, below),
           checked with the comparison rules and with --ignore comparison (issue 22): concise
           --jobs 2 and full with the default jobs, time and peak memory; and the many/ files
           (the same six reports again and again) both ways
  pdf      a real published 政府信息公开工作年度报告 PDF (5 pages, three ruled tables) cold,
           against the same report as the text lintlaw rebuilds from it; a 100-page PDF made
           of the real PDFs in ../shared/corpus/published, its time and peak memory (issue 19)

Inputs are built in a temporary directory from the real reports in ../shared/corpus
(never copied into the repository): the 5.3 MB file is the corpus end to end, round
after round; the 2,000 files cycle through its six complete reports. --corpus DIR
takes another folder of .txt reports. The region's reports are made of the corpus's paragraphs,
each issuer's written in its own cipher (its Chinese characters shifted along the corpus's
alphabet, the words of headings, tables and numbers kept), so that issuers do not share their
text; each issuer's 2024 report keeps 70% of its 2023 paragraphs, one issuer in fifty shares a
paragraph with the next, and every report opens with the format's sentences and a stock paragraph.

Times are medians of paired runs (the commands take turns, so that a slow phase of a
shared machine falls on all of them alike), wall and CPU (user + system of the
process and its workers). Memory is the peak of the summed proportional set size
(Pss: shared pages counted once across the parent and its workers) sampled every
20 ms, and the largest peak RSS of a single process (VmHWM).

`--against-autocorrect` compares with AutoCorrect, the Rust linter of Chinese text a user picks
today (its CLI from npm, package autocorrect-node, installed into a temporary folder, never
into the project): the paired ratio lintlaw / AutoCorrect — each pair run back to back, the
median of the pairs' ratios — on one report cold, the 5.3 MB file, 300 and 2,000 reports,
`--fix` on the 5.3 MB file (each on a fresh copy), the PDF report (AutoCorrect gets the text
lintlaw rebuilds from it: it cannot read a PDF), and the peak memory of `--format json` on
the 5.3 MB file. lintlaw runs `check --format concise` (json for memory), AutoCorrect
`--lint --format json`.

Measure an installed copy, not a shim: `--lintlaw PATH` (default: the `lintlaw`
beside this interpreter); `--against PATH` times another install (an older version)
in the same turns, for a fair before/after on a shared machine. Compare with another
tool by giving it the same inputs: `--keep DIR` leaves them in DIR (see README.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BIG_BYTES = 5_300_000
MANY_FILES = 2000
TABLES_BYTES = 40_000
PDF_PAGES = 100
REGION_ISSUERS = 1000
REGION_PARAGRAPHS = 45
ROWS = ("cold", "big", "many", "memory", "fix", "tables", "region", "pdf")


# ---------------------------------------------------------------- inputs

def corpus_texts(folder: Path) -> list[bytes]:
    paths = sorted([*folder.glob("*.txt"), *folder.glob("*/*.txt")])
    if not paths:
        sys.exit(f"no .txt reports in {folder}: give --corpus DIR")
    return [p.read_bytes() for p in paths]


def build_inputs(folder: Path, texts: list[bytes]) -> dict[str, Path]:
    """one.txt (~20 KB), big.txt (5.3 MB), small.txt (1/16 of big), many/ (2,000 files)."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {}
    # The report closest to 20 KB.
    one = min(texts, key=lambda t: abs(len(t) - 20_000))
    inputs["one"] = folder / "one.txt"
    inputs["one"].write_bytes(one)

    def rounds(size: int) -> bytes:
        parts, total = [], 0
        while total < size:
            for text in texts:
                parts.append(text.rstrip(b"\n") + b"\n\n")
                total += len(parts[-1])
                if total >= size:
                    break
        return b"".join(parts)

    inputs["big"] = folder / "big.txt"
    inputs["big"].write_bytes(rounds(BIG_BYTES))
    inputs["small"] = folder / "small.txt"
    inputs["small"].write_bytes(rounds(BIG_BYTES // 16))
    # Many files: the complete reports (the largest texts), in turn.
    complete = sorted(texts, key=len)[-6:]
    many = folder / "many"
    many.mkdir(exist_ok=True)
    for i in range(MANY_FILES):
        (many / f"report-{i:04d}.txt").write_bytes(complete[i % len(complete)])
    inputs["many"] = many
    # A report with tables: the shipped example, its overview paragraph repeated up to ~40 KB.
    example = (Path(__file__).resolve().parent.parent / "examples" / "information-2024.txt").read_text(encoding="utf-8")
    head, marker, rest = example.partition("二、主动公开政府信息情况")
    filler = head.splitlines()[-1] + "\n"
    padding = filler * max(0, (TABLES_BYTES - len(example.encode())) // len(filler.encode()))
    inputs["tables"] = folder / "tables.txt"
    inputs["tables"].write_text(head + padding + marker + rest, encoding="utf-8")
    return inputs


def build_pdf_inputs(folder: Path, published: Path) -> dict[str, Path]:
    """one.pdf (the real xxgk report), one-pdf.txt (the text lintlaw rebuilds from it), and
    hundred.pdf (the published PDFs' pages, in turn, up to PDF_PAGES)."""
    from pypdf import PdfReader, PdfWriter

    from lintlaw.io.readers import read

    report = published / "xxgk-hongze-2023.pdf"
    if not report.exists():
        sys.exit(f"{report} is missing: the pdf row needs ../shared/corpus/published")
    inputs = {"one-pdf": folder / "one.pdf", "one-pdf-text": folder / "one-pdf.txt",
              "hundred": folder / "hundred.pdf"}
    shutil.copyfile(report, inputs["one-pdf"])
    inputs["one-pdf-text"].write_text(read(str(report)).text, encoding="utf-8")
    writer = PdfWriter()
    sources = sorted(published.glob("*.pdf"))
    while len(writer.pages) < PDF_PAGES:
        for path in sources:
            for page in PdfReader(path).pages:
                if len(writer.pages) < PDF_PAGES:
                    writer.add_page(page)
    with open(inputs["hundred"], "wb") as stream:
        writer.write(stream)
    return inputs


def build_region(folder: Path, texts: list[bytes]) -> Path:
    """region/2023年 and region/2024年: REGION_ISSUERS issuers' reports each (see the docstring)."""
    import random

    region = folder / "region"
    paragraphs = [line.strip() for text in texts for line in text.decode("utf-8", "replace").splitlines()
                  if len(line.strip()) >= 40 and "|" not in line and "\t" not in line]
    kept = set("一二三四五六七八九十〇零百千万亿年月日")
    kept |= set((ROOT / "rules" / "tables" / "government-information.toml").read_text(encoding="utf-8"))
    alphabet = sorted({c for p in paragraphs for c in p if "\u4e00" <= c <= "\u9fff"} - kept)
    stock = ("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，严格执行《条例》规定。按照县政府"
             "办公室的统一部署，将政务公开工作纳入年度重点工作，明确分管负责同志和责任科室，形成主要负责同志亲自抓、"
             "分管负责同志具体抓、业务科室抓落实的工作格局。")
    rng = random.Random(22)

    def cipher(issuer: int) -> dict:
        shift = 1 + issuer * 7919 % (len(alphabet) - 1)
        return str.maketrans({c: alphabet[(k + shift) % len(alphabet)] for k, c in enumerate(alphabet)})

    chosen = {}
    for issuer in range(REGION_ISSUERS):
        last = rng.sample(range(len(paragraphs)), REGION_PARAGRAPHS)
        this = [p if rng.random() < 0.7 else rng.randrange(len(paragraphs)) for p in last]
        chosen[issuer] = {2023: last, 2024: this}
    for year in (2023, 2024):
        (region / f"{year}年").mkdir(parents=True, exist_ok=True)
        for issuer in range(REGION_ISSUERS):
            name = f"青石县第{issuer:04d}局"
            table = cipher(issuer)
            body = [paragraphs[p].translate(table) for p in chosen[issuer][year]]
            if year == 2024 and issuer % 50 == 0:  # shares a paragraph with the next issuer
                body[5] = paragraphs[chosen[issuer + 1][2024][5]].translate(cipher(issuer + 1))
            lines = [f"{name}{year}年政府信息公开工作年度报告",
                     f"本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限自{year}年1月1日起"
                     f"至{year}年12月31日止。如对本报告有疑问，请与{name}联系。", "一、总体情况", stock]
            for n, chunk in enumerate(range(0, len(body), 10)):
                lines.append(f"（{'一二三四五六'[n]}）工作情况")
                lines += body[chunk:chunk + 10]
            carried, forward = (issuer % 3, issuer % 2) if year == 2023 else (issuer % 2, issuer % 4)
            lines += ["三、收到和处理政府信息公开申请情况",
                      f"一、本年新收政府信息公开申请数量|{10 + issuer % 7}|0|0|0|0|0|{10 + issuer % 7}",
                      f"二、上年结转政府信息公开申请数量|{carried}|0|0|0|0|0|{carried}",
                      f"四、结转下年度继续办理|{forward}|0|0|0|0|0|{forward}",
                      name, f"{year + 1}年1月20日"]
            (region / f"{year}年" / f"单位{issuer:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return region


# ---------------------------------------------------------------- measuring

def timed(commands: dict, runs: int, prepare=None) -> dict:
    """(median wall, median CPU) seconds per labelled command, output discarded; the
    commands take turns, run after run. `prepare(label)`, when given, runs before each."""
    wall: dict = {label: [] for label in commands}
    cpu: dict = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            if prepare:
                prepare(label)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[label].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {label: (statistics.median(wall[label]), statistics.median(cpu[label])) for label in commands}


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, ()))
    return found


def _memory_kib(pid: int) -> tuple[int, int]:
    """(Pss now, peak RSS so far) of one process, in KiB; 0 for a process that is gone."""
    pss = peak = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1])
                    break
    except OSError:
        pass
    return pss, peak


def peak_memory(command: list[str]) -> tuple[float, float]:
    """(peak summed Pss of the process tree, largest peak RSS of one of its processes), in MiB."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0, 0]

    def sample():
        while process.poll() is None:
            memory = [_memory_kib(p) for p in _tree(process.pid)]
            peak[0] = max(peak[0], sum(pss for pss, _ in memory))
            peak[1] = max([peak[1], *(rss for _, rss in memory)])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    sampler.join()
    return peak[0] / 1024, peak[1] / 1024


# ---------------------------------------------------------------- the table

def region_rows(region: Path, many: Path, script: str, args) -> None:
    """The region's 2,000 reports and the many/ files, each with the comparison rules and with
    --ignore comparison (issue 22: at most 1.3x the time, at most 150 MiB), this lintlaw only
    (an older one has no comparison to ignore)."""
    years = [str(region / "2024年"), str(region / "2023年")]
    concise = [script, "check", "--format", "concise"]
    ignore = ["--ignore", "comparison"]
    commands = {"region": concise + ["--jobs", "2", *years], "region-ignored": concise + ["--jobs", "2", *ignore, *years],
                "full": [script, "check", *years], "full-ignored": [script, "check", *ignore, *years],
                "many": concise + ["--jobs", "2", str(many)], "many-ignored": concise + ["--jobs", "2", *ignore, str(many)]}
    t = timed(commands, args.big_runs)
    label = f"region, {len(years) * REGION_ISSUERS:,} reports"
    for key, text in (("region", f"{label}, concise, --jobs 2"), ("full", f"{label}, full, default jobs"),
                      ("many", f"{MANY_FILES:,} files, concise, --jobs 2")):
        row(f"{text}, --ignore comparison", t[f"{key}-ignored"])
        wall, cpu = t[key][0] / t[f"{key}-ignored"][0], t[key][1] / t[f"{key}-ignored"][1]
        row(f"{text}, comparing", t[key], f"{wall:.2f}x the wall time, {cpu:.2f}x the CPU")
    for key, text in (("region-ignored", "--ignore comparison"), ("region", "comparing")):
        pss, rss = peak_memory(commands[key])
        print(f"{f'peak memory, {label}, {text}':<50} {pss:9.0f} MiB (Pss, all processes)  "
              f"{rss:.0f} MiB (largest process)", flush=True)


def row(label: str, result: tuple[float, float], note: str = "") -> None:
    wall, cpu = result
    print(f"{label:<50} {wall * 1000:9.0f} ms {cpu * 1000:9.0f} ms  {note}".rstrip(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated: {','.join(ROWS)}")
    parser.add_argument("--runs", type=int, default=9, help="runs of each cold-start command")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of each large workload")
    parser.add_argument("--lintlaw", help="the lintlaw script to time (default: beside this interpreter)")
    parser.add_argument("--against", help="another lintlaw script (an older install) timed in the same turns")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of .txt reports to build inputs from")
    parser.add_argument("--keep", type=Path, help="build the inputs here and leave them")
    parser.add_argument("--against-autocorrect", action="store_true",
                        help="only the paired ratios against AutoCorrect (installed from npm into a temporary folder)")
    args = parser.parse_args()
    rows = set(args.rows.split(","))
    if rows - set(ROWS):
        sys.exit(f"unknown rows: {', '.join(sorted(rows - set(ROWS)))}")
    scripts = {"this": args.lintlaw or str(Path(sys.executable).parent / "lintlaw")}
    if args.against:
        scripts["against"] = args.against
    for script in scripts.values():
        if not Path(script).exists():
            sys.exit(f"{script} does not exist: pip install . first, or give --lintlaw")
    python = str(Path(scripts["this"]).resolve().parent / "python")  # the interpreter of that install
    if not Path(python).exists():
        python = sys.executable

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        if args.against_autocorrect:
            against_autocorrect(folder, Path(tmp), args)
            return
        inputs = build_inputs(folder, corpus_texts(args.corpus))
        if "pdf" in rows:
            inputs.update(build_pdf_inputs(folder, CORPUS / "published"))
        size = {name: path.stat().st_size for name, path in inputs.items() if path.is_file()}
        many_bytes = sum(p.stat().st_size for p in inputs["many"].iterdir())
        for tag, script in scripts.items():
            print(f"{tag}: {script}")
        print(f"{'workload':<50} {'wall':>12} {'cpu':>12}  (medians)")

        def each(make) -> dict:
            """The commands make(concise, full) gives, for every script, labelled (tag, label)."""
            made = {tag: make([script, "check", "--format", "concise"], [script, "check"])
                    for tag, script in scripts.items()}
            return {(tag, label): command for tag, commands in made.items()
                    for label, command in commands.items()}

        def show(t: dict, label: str, text: str, note=lambda tag: "") -> None:
            for tag in scripts:
                extra = note(tag)
                if tag != "this":
                    ratio = t[(tag, label)][0] / t[("this", label)][0]
                    extra = f"{extra}  ({ratio:.2f}x the time of this)".strip()
                row(text if tag == "this" else f"  {tag}: {text}", t[(tag, label)], extra)

        cold: dict = {}  # CPU seconds of a cold run on one report, per script: start-up, to take off growth

        def growth(tag: str, big: tuple, small: tuple) -> str:
            note = f"growth x{big[1] / small[1]:.1f} for x{size['big'] / size['small']:.0f} input (cpu)"
            if tag in cold:
                note += f", x{(big[1] - cold[tag]) / (small[1] - cold[tag]):.1f} beyond a cold start"
            return note

        if "cold" in rows:
            one = str(inputs["one"])
            t = timed({("this", "pass"): [python, "-c", "pass"],
                       **each(lambda concise, full: {"concise": concise + [one], "full": full + [one]})},
                      args.runs)
            floor = t[("this", "pass")][0]
            cold.update({tag: t[(tag, "concise")][1] for tag in scripts})
            row("python -c pass", t[("this", "pass")])
            kb = f"{size['one'] / 1000:.1f} KB"
            show(t, "concise", f"one {kb} report, cold, concise",
                 lambda tag: f"{t[(tag, 'concise')][0] / floor:.1f}x python -c pass")
            show(t, "full", f"one {kb} report, cold, full",
                 lambda tag: f"{t[(tag, 'full')][0] / floor:.1f}x python -c pass, "
                             f"+{(t[(tag, 'full')][0] - t[(tag, 'concise')][0]) * 1000:.0f} ms for rendering")

        if "tables" in rows:
            report = str(inputs["tables"])
            t = timed(each(lambda concise, full: {"tables": concise + [report]}), args.runs)
            show(t, "tables", f"one {size['tables'] / 1000:.1f} KB report with 3 tables, cold, concise")

        if "region" in rows:
            region_rows(build_region(folder, corpus_texts(args.corpus)), inputs["many"], scripts["this"], args)

        if "pdf" in rows:
            pdf, text, hundred = str(inputs["one-pdf"]), str(inputs["one-pdf-text"]), str(inputs["hundred"])
            t = timed(each(lambda concise, full: {"pdf": concise + [pdf], "pdf-text": concise + [text]}),
                      args.runs)
            show(t, "pdf-text", "the 5-page PDF report's text as .txt, cold, concise")
            show(t, "pdf", "5-page PDF report, 3 tables, cold, concise",
                 lambda tag: f"{t[(tag, 'pdf')][0] / t[(tag, 'pdf-text')][0]:.1f}x the same report as text")
            t = timed(each(lambda concise, full: {"hundred": concise + [hundred]}), args.big_runs)
            show(t, "hundred", f"{PDF_PAGES}-page PDF, concise")
            for tag, script in scripts.items():
                pss, rss = peak_memory([script, "check", "--format", "concise", hundred])
                text = f"peak memory, {PDF_PAGES}-page PDF"
                text = text if tag == "this" else f"  {tag}: {text}"
                print(f"{text:<50} {pss:9.0f} MiB (Pss, all processes)  {rss:.0f} MiB (largest process)", flush=True)

        if "big" in rows:
            big, small = str(inputs["big"]), str(inputs["small"])
            t = timed(each(lambda concise, full: {"small": concise + [small], "big": concise + [big],
                                                  "small-full": full + [small], "big-full": full + [big]}),
                      args.big_runs)
            mb, small_mb = size["big"] / 1e6, size["small"] / 1e6
            show(t, "small", f"{small_mb:.2f} MB, concise")
            show(t, "big", f"{mb:.2f} MB, concise",
                 lambda tag: growth(tag, t[(tag, "big")], t[(tag, "small")]))
            show(t, "small-full", f"{small_mb:.2f} MB, full")
            show(t, "big-full", f"{mb:.2f} MB, full",
                 lambda tag: growth(tag, t[(tag, "big-full")], t[(tag, "small-full")]))

        if "many" in rows:
            many = str(inputs["many"])
            t = timed(each(lambda concise, full: {"jobs1": concise + ["--jobs", "1", many],
                                                  "jobs2": concise + ["--jobs", "2", many],
                                                  "full": full + [many]}), args.big_runs)
            label = f"{MANY_FILES:,} files ({many_bytes / 1e6:.0f} MB)"
            show(t, "jobs1", f"{label}, concise, --jobs 1")
            show(t, "jobs2", f"{label}, concise, --jobs 2",
                 lambda tag: f"{t[(tag, 'jobs1')][0] / t[(tag, 'jobs2')][0]:.2f}x over --jobs 1")
            show(t, "full", f"{label}, full, default jobs")

        if "memory" in rows:
            many = str(inputs["many"])
            for tag, script in scripts.items():
                concise = [script, "check", "--format", "concise"]
                for label, command in (("concise --jobs 2", concise + ["--jobs", "2", many]),
                                       ("full", [script, "check", many]),
                                       (f"{size['big'] / 1e6:.1f} MB, concise",
                                        concise + [str(inputs["big"])])):
                    pss, rss = peak_memory(command)
                    text = f"peak memory, {label if 'MB' in label else f'{MANY_FILES:,} files, {label}'}"
                    text = text if tag == "this" else f"  {tag}: {text}"
                    print(f"{text:<50} {pss:9.0f} MiB (Pss, all processes)  {rss:.0f} MiB (largest process)",
                          flush=True)

        if "fix" in rows:
            copies = {}

            def fresh(key) -> None:
                shutil.copyfile(inputs[key[1]], copies[key])

            commands = {}
            for tag, script in scripts.items():
                for name in ("small", "big"):
                    copies[(tag, name)] = folder / f"fixing-{tag}-{name}.txt"
                    commands[(tag, name)] = [script, "check", "--fix", "--format", "concise",
                                             str(copies[(tag, name)])]
            t = timed(commands, args.big_runs, prepare=fresh)
            for path in copies.values():
                path.unlink(missing_ok=True)
            show(t, "small", f"--fix, {size['small'] / 1e6:.2f} MB")
            show(t, "big", f"--fix, {size['big'] / 1e6:.2f} MB",
                 lambda tag: growth(tag, t[(tag, "big")], t[(tag, "small")]))
        if args.keep:
            print(f"inputs kept in {args.keep}")


# ---------------------------------------------------------------- against AutoCorrect

def install_autocorrect(into: Path) -> str:
    """AutoCorrect's CLI from npm (autocorrect-node), in `into`; the path of its command."""
    if shutil.which("npm") is None:
        sys.exit("npm is needed to install AutoCorrect (autocorrect-node) for --against-autocorrect")
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(into),
                    "autocorrect-node@2"], check=True, stdout=subprocess.DEVNULL)
    return str(into / "node_modules" / ".bin" / "autocorrect")


def paired(first: list[str], second: list[str], runs: int, prepare=None) -> tuple[float, float, float]:
    """(median ratio first/second over pairs run back to back, median wall of each)."""
    ratios, walls = [], ([], [])
    for _ in range(runs):
        pair = []
        for index, command in enumerate((first, second)):
            if prepare:
                prepare(index)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pair.append(time.perf_counter() - start)
            walls[index].append(pair[-1])
        ratios.append(pair[0] / pair[1])
    return statistics.median(ratios), statistics.median(walls[0]), statistics.median(walls[1])


def against_autocorrect(folder: Path, scratch: Path, args) -> None:
    autocorrect = install_autocorrect(scratch / "autocorrect")
    lintlaw = args.lintlaw or str(Path(sys.executable).parent / "lintlaw")
    inputs = build_inputs(folder, corpus_texts(args.corpus))
    inputs.update(build_pdf_inputs(folder, CORPUS / "published"))
    few = folder / "few"
    few.mkdir(exist_ok=True)
    for path in sorted(inputs["many"].iterdir())[:300]:
        shutil.copyfile(path, few / path.name)
    ours = [lintlaw, "check", "--format", "concise"]
    theirs = [autocorrect, "--lint", "--format", "json"]
    print(f"lintlaw: {lintlaw}\nAutoCorrect: {autocorrect}")
    print(f"{'workload':<44} {'ratio':>7} {'lintlaw':>10} {'AutoCorrect':>12}  (medians of pairs)")

    def show(label: str, result) -> None:
        ratio, mine, other = result
        print(f"{label:<44} {ratio:6.2f}x {mine * 1000:8.0f} ms {other * 1000:10.0f} ms", flush=True)

    show("one report, cold", paired(ours + [str(inputs["one"])], theirs + [str(inputs["one"])], args.runs))
    show(f"{inputs['big'].stat().st_size / 1e6:.1f} MB", paired(ours + [str(inputs["big"])],
                                                             theirs + [str(inputs["big"])], args.big_runs))
    show("300 reports", paired(ours + [str(few)], theirs + [str(few)], args.big_runs))
    show(f"{MANY_FILES:,} reports", paired(ours + [str(inputs["many"])], theirs + [str(inputs["many"])],
                                           args.big_runs))
    copies = [folder / "fix-lintlaw.txt", folder / "fix-autocorrect.txt"]

    def fresh(index: int) -> None:
        shutil.copyfile(inputs["big"], copies[index])

    show("--fix, 5.3 MB", paired([lintlaw, "check", "--fix", "--format", "concise", str(copies[0])],
                                 [autocorrect, "--fix", str(copies[1])], args.big_runs, prepare=fresh))
    show("PDF report (AutoCorrect: its text)", paired(ours + [str(inputs["one-pdf"])],
                                                      theirs + [str(inputs["one-pdf-text"])], args.runs))
    mine, _ = peak_memory([lintlaw, "check", "--format", "json", str(inputs["big"])])
    other, _ = peak_memory(theirs + [str(inputs["big"])])
    print(f"{'--format json, 5.3 MB, peak memory':<44} {mine / other:6.2f}x {mine:8.0f} MiB {other:10.0f} MiB",
          flush=True)


if __name__ == "__main__":
    main()
