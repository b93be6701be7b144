namespace GenAgent.Core.Reports;

/// <summary>The report's inline style sheet: the page must open from a single file with no network.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { color-scheme: light dark; --bg: #f6f7f9; --card: #ffffff; --fg: #1d2330; --muted: #5d6678;
          --line: #d9dde5; --accent: #3b6fd8; --ok: #1f8a4c; --warn: #b7791f; --bad: #c53030; --code: #eef1f6; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #12151b; --card: #1b2029; --fg: #e4e8f0; --muted: #98a2b5; --line: #2d3441;
            --accent: #7aa2f7; --ok: #4fc381; --warn: #e0a955; --bad: #f07171; --code: #232a36; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 16px 64px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; }
        h2 { font-size: 1.1rem; margin: 0 0 8px; }
        .muted { color: var(--muted); }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 16px 0; }
        .prompt { font-size: 1.15rem; white-space: pre-wrap; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px 16px; margin: 0; }
        .grid dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
        .grid dd { margin: 0; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: .8rem; font-weight: 600;
          border: 1px solid currentColor; }
        .b-done { color: var(--ok); } .b-edit, .b-generate, .b-regenerate { color: var(--accent); }
        .candidates { display: flex; flex-wrap: wrap; gap: 12px; } .candidate { margin: 0; max-width: 220px; }
        .candidate img { width: 100%; border-radius: 6px; } .candidate.winner img { outline: 3px solid var(--ok); } .comparison { margin-top: 10px; }
        .b-budget { color: var(--warn); } .b-error, .b-failed, .b-cancelled { color: var(--bad); }
        .b-final { color: var(--ok); margin-left: 6px; }
        .turn header { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
        .label { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; margin-top: 10px; }
        .think, .arg, .judge { white-space: pre-wrap; margin: 2px 0 0; }
        .arg { background: var(--code); border-radius: 6px; padding: 8px 10px; }
        .judge { border-left: 3px solid var(--accent); padding-left: 10px; }
        pre.raw { background: var(--code); border-radius: 6px; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; }
        figure { margin: 12px 0 0; }
        figure img { max-width: 100%; max-height: 512px; border-radius: 8px; border: 1px solid var(--line); display: block; }
        figure.final img { outline: 4px solid var(--ok); outline-offset: 2px; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: 4px; }
        details summary { cursor: pointer; color: var(--muted); }
        .final-card img { max-width: 100%; border-radius: 8px; outline: 4px solid var(--ok); }
        .error { color: var(--bad); }
        """;
}
