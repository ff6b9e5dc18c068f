"""Bar charts as SVG, drawn by the server (no CDN, no script): readable without colour
(each series has its own pattern-free shade and a legend), with a <title> and <desc>
for screen readers; the same figures are always in a table beside the chart."""

from __future__ import annotations

from html import escape

from central.bilan import Chart

COLOURS = ("#1f5fa8", "#c25b00", "#2e7d32")
W, H, LEFT, BOTTOM, TOP = 720, 300, 48, 70, 28


def _fmt(v: float) -> str:
    return (f"{v:.1f}" if v != int(v) else f"{int(v)}").replace(".", ",")


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at or above ``raw`` (axis ticks people read)."""
    k = 1.0
    while k * 10 <= raw:
        k *= 10
    for m in (1, 2, 2.5, 5, 10):
        if m * k >= raw:
            return m * k
    return 10 * k


def svg(chart: Chart, chart_id: str) -> str:
    n = max(1, len(chart.labels))
    top_value = max([v for _, vals in chart.series for v in vals] + [1])
    step = nice_step(top_value / 4)
    top = step * 4
    plot_w, plot_h = W - LEFT - 10, H - BOTTOM - TOP
    group = plot_w / n
    bar = max(2.0, min(40.0, group * 0.8 / max(1, len(chart.series))))
    desc = "; ".join(f"{lab} : " + ", ".join(f"{name} {_fmt(vals[i])}" for name, vals in chart.series)
                     for i, lab in enumerate(chart.labels))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d" width="{W}" height="{H}">',
           f'<title id="{chart_id}-t">{escape(chart.title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>',
           f'<rect width="{W}" height="{H}" fill="#fff"/>']
    for k in range(5):
        y = TOP + plot_h - plot_h * k / 4
        out.append(f'<line x1="{LEFT}" x2="{W - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d4db"/>'
                   f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="#333">'
                   f'{_fmt(step * k)}</text>')
    for i, lab in enumerate(chart.labels):
        x0 = LEFT + group * i + (group - bar * len(chart.series)) / 2
        for j, (_, vals) in enumerate(chart.series):
            h = plot_h * vals[i] / top
            out.append(f'<rect x="{x0 + j * bar:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar - 1:.1f}" '
                       f'height="{h:.1f}" fill="{COLOURS[j % len(COLOURS)]}"/>')
        cx = LEFT + group * i + group / 2
        out.append(f'<text x="{cx:.1f}" y="{TOP + plot_h + 14}" font-size="11" fill="#333" text-anchor="end" '
                   f'transform="rotate(-35 {cx:.1f} {TOP + plot_h + 14})">{escape(lab[:22])}</text>')
    for j, (name, _) in enumerate(chart.series):
        x = LEFT + j * 230
        out.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>'
                   f'<text x="{x + 16}" y="16" font-size="12" fill="#222">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)
