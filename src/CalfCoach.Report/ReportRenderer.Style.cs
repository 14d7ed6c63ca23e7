namespace CalfCoach.Report;

public static partial class ReportRenderer
{
    // Light backgrounds only, so nothing is lost when printed; each section starts a new printed page.
    // Below 640 px the findings table becomes one card per finding, and each chart shows its phone drawing (larger text,
    // legend below); print always shows the page drawing.
    private const string Stylesheet = """

        :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #ccc; --high: #b3261e; --moderate: #8a5a00; --low: #3a5f8a; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: 1rem; line-height: 1.5; color: var(--ink); background: #fff; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        p { margin: .3rem 0; }
        .meta, .values, .when, figcaption, footer { color: var(--muted); }
        .values { font-size: .85rem; overflow-wrap: anywhere; }
        .data-note { font-weight: 600; }
        .notice { border: 2px solid var(--ink); border-radius: 4px; padding: .6rem .8rem; margin: 1rem 0; }
        dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.summary dt { font-weight: 600; }
        dl.summary dd { margin: 0; }
        table.findings { width: 100%; border-collapse: collapse; font-size: .95rem; }
        table.findings th, table.findings td { border: 1px solid var(--line); padding: .4rem; text-align: left; vertical-align: top; }
        table.findings thead th { background: #f2f2f2; }
        td.finding-id code { white-space: nowrap; overflow-wrap: normal; }
        details summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
        .severity { display: inline-block; padding: 0 .4rem; border: 2px solid currentColor; border-radius: 3px; font-weight: 700; text-transform: uppercase; font-size: .8rem; }
        .severity-high { color: var(--high); }
        .severity-moderate { color: var(--moderate); }
        .severity-low { color: var(--low); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
        figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { display: block; width: 100%; max-width: 800px; height: auto; }
        figure svg.chart-narrow { display: none; }
        time, .date { white-space: nowrap; }
        figcaption { font-size: .9rem; margin-top: .3rem; }
        .no-data { border: 1px dashed var(--line); padding: 1rem; font-style: italic; }
        .disposition { border: 2px solid var(--ink); border-radius: 4px; padding: .6rem .8rem; }
        .disposition-word { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; }
        .disposition-headline { font-size: 1.15rem; font-weight: 600; }
        .disposition-urgent, .disposition-emergency { border-width: 4px; }
        ol.plan-items li { margin-bottom: .5rem; }
        footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .5rem; font-size: .85rem; }
        @media (max-width: 640px) {
          body { padding: .6rem; }
          dl.summary { grid-template-columns: 1fr; }
          dl.summary dd { margin-bottom: .4rem; }
          table.findings, table.findings tbody, table.findings tr, table.findings td { display: block; width: 100%; }
          table.findings thead { display: none; }
          table.findings tr { border: 1px solid var(--line); margin-bottom: .8rem; }
          table.findings td { border: none; border-bottom: 1px solid #eee; }
          table.findings td::before { content: attr(data-label); display: block; font-weight: 600; font-size: .8rem; color: var(--muted); }
          figure svg.chart-wide { display: none; }
          figure svg.chart-narrow { display: block; max-width: 26rem; margin: 0 auto; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          main > section + section { break-before: page; page-break-before: always; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          table.findings thead th { background: none; }
          figure svg.chart-wide { display: block; }
          figure svg.chart-narrow { display: none; }
        }

        """;
}
