<#ftl output_format="HTML" strip_whitespace=true>
<#--
  The year-over-year report (vn.bantin.report.ReportRenderer): one self-contained page. Numbers
  arrive printed in the report's language; charts arrive as SVG from JFreeChart. No script, no
  external resource: the page must open with no network.
-->
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title()} ${year} — ${publisherName}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1180px; padding: 0 1em; }
  h1 { font-size: 1.5em; margin-bottom: 0.2em; }
  .sub { color: #555; margin-top: 0; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 1em; }
  figure.chart { margin: 0; border: 1px solid #ddd; padding: 0.5em; }
  figure.chart figcaption { font-weight: bold; margin-bottom: 0.3em; }
  figure.chart svg { width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
  td.n { text-align: right; white-space: nowrap; }
  .up { color: #1a7f37; } .down { color: #b42318; }
  .nocmp { color: #8a6d00; font-style: italic; }
  footer, .note { color: #666; font-size: 0.9em; }
</style>
</head>
<body>
<h1>${w.title()} ${year}</h1>
<p class="sub">${publisherName} (${publisher}) · ${span}, ${w.comparedWith()} ${yearBefore}</p>

<section id="summary">
<h2>${w.summaryTitle()}</h2>
<ul>
<#list sentences as s>
  <li>${s}</li>
</#list>
</ul>
</section>

<section id="charts">
<h2>${w.chartsTitle()}</h2>
<div class="charts">
<#list charts as c>
  <figure class="chart" id="fig-${c.id}" data-measure="${c.measure}">
    <figcaption>${c.title}</figcaption>
    ${c.svg?no_esc}
  </figure>
</#list>
</div>
</section>

<section id="departments">
<h2>${w.departmentsTitle()}</h2>
<table>
  <thead>
    <tr><th>${w.rank()}</th><th>${w.department()}</th><th>${w.onTimeRate()} ${year}</th><th>${w.onTimeRate()} ${yearBefore}</th><th>${w.change()}</th><th>${w.received()} ${year}</th><th>${w.received()} ${yearBefore}</th></tr>
  </thead>
  <tbody>
<#list departments as d>
    <tr<#if d.noComparison()> class="nocmp-row"</#if>>
      <td class="n">${d.rank()}</td>
      <td>${d.department()}<#if d.continues()?has_content> <span class="continued">† ${d.continues()}</span></#if></td>
      <td class="n">${d.onTimeRate()}</td>
      <#if d.noComparison()>
      <td class="nocmp" colspan="2">${w.noComparisonMark()} *</td>
      <#else>
      <td class="n">${d.onTimeRateYearAgo()}</td>
      <td class="n <#if d.arrow() == "▲">up<#elseif d.arrow() == "▼">down</#if>">${d.arrow()} ${d.change()}</td>
      </#if>
      <td class="n">${d.received()}</td>
      <td class="n">${d.receivedYearAgo()}</td>
    </tr>
</#list>
  </tbody>
</table>
<p class="note">* ${w.noComparisonNote()}</p>
<#if departments?filter(d -> d.continues()?has_content)?size gt 0><p class="note">† ${w.continuedNote()}</p></#if>
</section>

<footer><p>${w.source()}</p></footer>
</body>
</html>
