"""The report page's frame: styles, filters and script around the sections `report.py` makes.

`{t[key]}` places take the page's words (`report_strings.toml`, HTML-escaped); the page needs
no network. The layout reads at 400 px: each area's table scrolls sideways in its own box, and
the lights keep their shapes in print."""

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{generator}
<title>{t[title]}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.4em; margin: 0 0 .2em; }}
h2 {{ font-size: 1.25em; margin: 1.5em 0 .3em; border-bottom: 2px solid #bbb; }}
h3 {{ font-size: 1.1em; margin: 1.2em 0 .3em; border-bottom: 1px solid #ddd; }}
h4 {{ font-size: 1em; margin: 1em 0 .3em; }}
.filters {{ position: sticky; top: 0; background: #fff; padding: .5em 0;
  border-bottom: 1px solid #ddd; z-index: 1; display: flex; flex-wrap: wrap; gap: .3em 1em; }}
.filters label {{ max-width: 100%; }}
.filters select, .filters input {{ max-width: 100%; box-sizing: border-box; }}
.legend {{ display: flex; flex-wrap: wrap; gap: .2em 1em; padding: 0; margin: .3em 0;
  list-style: none; }}
.scroll {{ overflow-x: auto; max-width: 100%; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; }}
th {{ background: #f4f4f4; font-weight: 600; font-size: .85em; }}
td.goal, th.goal {{ width: 36em; text-align: left; }}
button.open {{ all: unset; cursor: pointer; display: block; }}
button.open:hover, button.open:focus {{ text-decoration: underline; }}
td.cell {{ width: 5em; text-align: center; }}
td.absent {{ background: repeating-linear-gradient(45deg, #fafafa, #fafafa 4px, #eee 4px,
  #eee 8px); }}
.light {{ font-size: 1.2em; line-height: 1; }}
.light.green {{ color: #00843D; }}
.light.yellow {{ color: #B8860B; }}
.light.red {{ color: #C8102E; }}
.light.grey {{ color: #6E6E6E; }}
.light.none {{ color: #999; }}
.printed {{ margin-left: .25em; font-size: .85em; color: #444; }}
.vh {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }}
tr.history td {{ background: #fcfcfc; }}
.version {{ margin: .3em 0 .8em; }}
.version p {{ margin: .2em 0 .2em 1.2em; }}
table.measures {{ margin: .2em 0 0 1.2em; font-size: .9em; }}
table.measures th {{ text-align: left; }}
.where, .goal-id {{ color: #777; font-size: .85em; }}
ins {{ background: #d4f7d4; text-decoration: none; }}
del {{ background: #fbd3d3; }}
[hidden] {{ display: none !important; }}
.where {{ overflow-wrap: anywhere; }}
/* A phone: each goal a card, its documents' lights side by side under it, each named; each
   measure a card of its values. Nothing is wider than the screen, however many documents. */
@media (max-width: {phone_width}px) {{
  body {{ margin: .6em; overflow-wrap: anywhere; }}
  table.goals, table.goals > tbody, table.goals tr, table.goals td.goal,
  tr.history > td, table.measures, table.measures tbody, table.measures tr,
  table.measures td {{ display: block; width: auto; }}
  table.goals > thead, table.measures > thead {{ display: none; }}
  table.goals tr.goal-row {{ border-top: 1px solid #ccc; padding: .3em 0; }}
  table.goals td {{ border: none; padding: 2px 0; }}
  table.goals td.cell {{ display: inline-block; width: auto; min-width: 4em; margin: 0 .2em .2em 0;
    padding: 2px 4px; border: 1px solid #e4e4e4; text-align: left; }}
  td[data-label]::before {{ content: attr(data-label) ": "; font-size: .8em; color: #555; }}
  table.measures {{ margin-left: 0; }}
  table.measures tr {{ border-top: 1px solid #ddd; padding: .2em 0; }}
  table.measures td {{ border: none; padding: 1px 0; }}
  .version p {{ margin-left: 0; }}
}}
@media print {{
  .filters {{ display: none; }}
  .scroll {{ overflow: visible; }}
  .light {{ color: #000 !important; }}
  tr.history[hidden] {{ display: none !important; }}
}}
</style>
</head>
<body>
<h1>{t[title]}</h1>
<p class="summary">{summary}. {t[hint]}</p>
<ul class="legend" aria-label="{t[legend]}">{legend}<li>{t[absent_note]}</li></ul>
<div class="filters">
<label{organisation_hidden}>{t[organisation]} <select id="organisation">
<option value="">{t[all]}</option>{organisation_options}</select></label>
<label>{t[area]} <select id="area"><option value="">{t[all]}</option>{area_options}</select>
</label>
<label>{t[latest_status]} <select id="status"><option value="">{t[any]}</option>
{status_options}</select></label>
<label>{t[text]} <input id="q" type="search" placeholder="{t[text_placeholder]}"></label>
<span id="shown" data-one="{shown_one}" data-other="{shown_other}"></span>
</div>
{sections}
<script>
(function () {{
  var organisation = document.getElementById("organisation"),
      area = document.getElementById("area"), status = document.getElementById("status"),
      q = document.getElementById("q"), shown = document.getElementById("shown");
  function fromHash() {{
    var params = new URLSearchParams(location.hash.slice(1));
    organisation.value = params.get("organisation") || "";
    area.value = params.get("area") || ""; status.value = params.get("status") || "";
    q.value = params.get("q") || "";
  }}
  function apply() {{
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean), count = 0;
    document.querySelectorAll("tr.goal-row").forEach(function (row) {{
      var box = row.closest("div.area");
      var show = (!organisation.value || box.dataset.organisation === organisation.value) &&
        (!area.value || row.dataset.area === area.value) &&
        (!status.value || row.dataset.latest === status.value) &&
        words.every(function (w) {{ return row.dataset.text.indexOf(w) >= 0; }});
      row.hidden = !show;
      var history = row.nextElementSibling;
      if (!show) {{ history.hidden = true; }}
      if (show) {{ count++; }}
    }});
    document.querySelectorAll("div.area").forEach(function (box) {{
      box.hidden = !box.querySelector("tr.goal-row:not([hidden])");
    }});
    document.querySelectorAll("section.sector, section.organisation").forEach(function (box) {{
      box.hidden = !box.querySelector("div.area:not([hidden])");
    }});
    var template = count === 1 ? shown.dataset.one : shown.dataset.other;
    shown.textContent = template.replace("{{n}}", count);
  }}
  function toHash() {{
    var params = new URLSearchParams();
    if (organisation.value) params.set("organisation", organisation.value);
    if (area.value) params.set("area", area.value);
    if (status.value) params.set("status", status.value);
    if (q.value) params.set("q", q.value);
    history.replaceState(null, "", "#" + params.toString());
    apply();
  }}
  [organisation, area, status].forEach(function (el) {{
    el.addEventListener("change", toHash);
  }});
  q.addEventListener("input", toHash);
  window.addEventListener("hashchange", function () {{ fromHash(); apply(); }});
  document.querySelectorAll("button.open").forEach(function (button) {{
    button.addEventListener("click", function () {{
      var history = button.closest("tr").nextElementSibling;
      history.hidden = !history.hidden;
      button.setAttribute("aria-expanded", String(!history.hidden));
    }});
  }});
  function openGoal(goalId) {{
    var row = document.querySelector('tr.goal-row[data-goal="' + CSS.escape(goalId) + '"]');
    if (!row) return;
    row.nextElementSibling.hidden = false;
    row.querySelector("button.open").setAttribute("aria-expanded", "true");
    row.scrollIntoView({{block: "nearest"}});
  }}
  fromHash(); apply();
  var wanted = new URLSearchParams(location.hash.slice(1)).get("open");
  if (wanted) openGoal(wanted);
}})();
</script>
</body>
</html>
"""
