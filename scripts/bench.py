"""Benchmark: `lintlaw check` cold on one ~20 KB report, and on a ~5 MB file.

Inputs are generated from text this project wrote (no corpus files). Run from
the repository root after `pip install -e .`:

    python scripts/bench.py [--runs 7] [--many] [--fix]

Prints medians; growth is the time ratio between the 5 MB file and a file 1/16
of its size (linear growth means a ratio near 16; the target is at most 20).
--fix also times `lintlaw check --fix` on 1, 2, 4 and 8 MB files with a fix in
nearly every paragraph (each run on a fresh copy); linear growth doubles the time
with each step.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "全年梳理行政许可事项42项，办理时限平均压缩35%，群众满意度达到98.5%。",
    "严格落实重大行政决策程序，对8项重大决策开展合法性审查，做到应审尽审。",
    "开展行政执法案卷评查2次，评查案卷120卷，发现问题均已督促整改到位。",
    "一是健全制度，二是规范程序，三是强化监督，确保各项工作落到实处。",
    "组织领导干部旁听庭审1次，举办法治专题讲座6场，参训人员达到1200余人次。",
    # Work for the consistency rules: a parts chain and a rate to recompute.
    "全年共受理行政复议案件151件，其中维持98件、撤销12件，已办结140件，办结率92.71%。",
]
CHINESE = "一二三四五六七八九十"


def report(year: int, subsections: int) -> str:
    lines = [f"青山县司法局{year}年度法治政府建设情况报告", "",
             f"{year}年，青山县司法局认真推进法治政府建设。现将有关情况报告如下。", "",
             "一、主要举措和成效"]
    for i in range(subsections):
        name = CHINESE[i % 10] if i < 10 else f"十{CHINESE[i % 10]}"
        lines.append(f"（{name}）依法履行职能第{i + 1}项")
        for j in range(1, 4):
            lines.append(f"{j}.规范工作{j}。" + "".join(SENTENCES[(i + j + k) % len(SENTENCES)] for k in range(3)))
    lines += ["二、党政主要负责人履行推进法治建设第一责任人职责情况", SENTENCES[0],
              "三、存在的不足和原因", SENTENCES[1],
              f"四、{year + 1}年工作安排", SENTENCES[2],
              "五、其他需要报告的情况", "无。", "", "青山县司法局", f"{year + 1}年1月20日", ""]
    return "\n".join(lines)


def sized(target_bytes: int, subsections: int = 12) -> str:
    parts, size, year = [], 0, 2000
    while size < target_bytes:
        text = report(year, subsections)
        parts.append(text)
        size += len(text.encode("utf-8"))
        year = 2000 + (year - 1999) % 25
    return "\n".join(parts)


CPU_TIMES: dict[str, float] = {}  # median CPU seconds (user + sys) of the child, by label


def timed(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time per labelled command; median CPU times go to CPU_TIMES.

    The commands take turns, run after run, so that a slow phase of a shared,
    noisy machine falls on all of them alike; CPU time is the steadier figure.
    """
    wall: dict[str, list[float]] = {label: [] for label in commands}
    cpu: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[label].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for label in commands:
        CPU_TIMES[label] = statistics.median(cpu[label])
    return {label: statistics.median(samples) for label, samples in wall.items()}


def fixable(target_bytes: int) -> str:
    """A sized report with safe fixes throughout (截止→截至, 法制→法治, a half-width comma)."""
    return (sized(target_bytes).replace("群众满意度", "截止目前群众满意度")
            .replace("，做到", ",做到").replace("法治专题", "法制专题"))


def timed_fix(script: Path, pristine: dict[str, Path], runs: int) -> dict[str, float]:
    """Median wall time of --fix per labelled file, each run on a fresh copy of it;
    median CPU times go to CPU_TIMES under "fix-<label>"."""
    wall: dict[str, list[float]] = {label: [] for label in pristine}
    cpu: dict[str, list[float]] = {label: [] for label in pristine}
    for _ in range(runs):
        for label, original in pristine.items():
            copy = original.with_name("fixing.txt")
            copy.write_bytes(original.read_bytes())
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(script), "check", "--fix", "--format", "concise", str(copy)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[label].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for label in pristine:
        CPU_TIMES[f"fix-{label}"] = statistics.median(cpu[label])
    return {label: statistics.median(samples) for label, samples in wall.items()}


def many_files(directory: Path, count: int = 2000) -> None:
    """`count` report files built from the project's own fixtures and example."""
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_bytes() for p in sorted((root / "tests" / "fixtures").glob("*.txt"))]
    texts += [p.read_bytes() for p in sorted((root / "examples").glob("*.txt"))]
    directory.mkdir()
    for i in range(count):
        (directory / f"report-{i:04d}.txt").write_bytes(texts[i % len(texts)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--many", action="store_true", help="also time 2,000 files with --jobs 1 and --jobs 2")
    parser.add_argument("--fix", action="store_true", help="also time --fix on 1, 2, 4 and 8 MB")
    args = parser.parse_args()
    script = Path(sys.executable).parent / "lintlaw"  # the installed script, not a shim
    if not script.exists():
        sys.exit("lintlaw is not installed in this interpreter: pip install -e . first")

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "one.txt")
        one.write_text(report(2024, 19), encoding="utf-8")
        big = Path(tmp, "big.txt")
        big.write_text(sized(5_000_000), encoding="utf-8")
        small = Path(tmp, "small.txt")
        small.write_text(sized(5_000_000 // 16), encoding="utf-8")
        base = [str(script), "check", "--format", "concise"]

        quick = timed({"startup": [str(script), "--version"], "cold": base + [str(one)]}, args.runs)
        startup, cold = quick["startup"], quick["cold"]
        large = timed({"small": base + [str(small)], "big": base + [str(big)]}, 3)
        t_small, t_big = large["small"], large["big"]
        mb = big.stat().st_size / 1e6
        cpu = {label: seconds * 1000 for label, seconds in CPU_TIMES.items()}
        print("                                     wall (median)   cpu (median)")
        print(f"start-up (lintlaw --version):        {startup * 1000:7.0f} ms   {cpu['startup']:7.0f} ms")
        print(f"one report, {one.stat().st_size / 1000:.1f} KB, cold:          {cold * 1000:7.0f} ms   "
              f"{cpu['cold']:7.0f} ms")
        print(f"{small.stat().st_size / 1e6:.2f} MB file:                       {t_small * 1000:7.0f} ms   "
              f"{cpu['small']:7.0f} ms")
        print(f"{mb:.2f} MB file:                       {t_big * 1000:7.0f} ms   {cpu['big']:7.0f} ms  "
              f"({(t_big - startup) / mb * 1000:.0f} ms/MB after start-up, wall)")
        print(f"growth for 16x input:                {t_big / t_small:7.1f}x")
        if args.many:
            folder = Path(tmp, "many")
            many_files(folder)
            many = timed({"jobs1": base + ["--jobs", "1", str(folder)],
                          "jobs2": base + ["--jobs", "2", str(folder)]}, 3)
            print(f"2,000 files, --jobs 1:               {many['jobs1'] * 1000:7.0f} ms")
            print(f"2,000 files, --jobs 2:               {many['jobs2'] * 1000:7.0f} ms "
                  f"({many['jobs1'] / many['jobs2']:.2f}x faster)")

        if args.fix:
            pristine = {}
            for megabytes in (1, 2, 4, 8):
                pristine[megabytes] = Path(tmp, f"fix-{megabytes}.txt")
                pristine[megabytes].write_text(fixable(megabytes * 1_000_000), encoding="utf-8")
            fixing = timed_fix(script, pristine, 3)
            previous = None
            for megabytes, seconds in fixing.items():
                cpu_seconds = CPU_TIMES[f"fix-{megabytes}"]
                growth = f"  (cpu {cpu_seconds / previous:.2f}x the previous size)" if previous else ""
                print(f"--fix, {pristine[megabytes].stat().st_size / 1e6:.2f} MB file:         "
                      f"{seconds * 1000:7.0f} ms   {cpu_seconds * 1000:7.0f} ms{growth}")
                previous = cpu_seconds


if __name__ == "__main__":
    main()
