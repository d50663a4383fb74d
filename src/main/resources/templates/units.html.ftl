<#ftl output_format="HTML">
<#--
  The units of a publisher side by side (--by department|sector|procedure), one table per
  period, as a self-contained UTF-8 HTML page. Model: as units.md.ftl.
-->
<#import "labels/" + lang + ".ftl" as L>
<#macro cell b key><td class="num">${b.n[key]}<#if shareKeys?seq_contains(key) && b.pct[key]??> <span class="pct">(${b.pct[key]}%)</span></#if></td></#macro>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L.docTitle} ${L.byUnit[by]} – ${periods[0].publisherName}</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: left; }
thead th { background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pct { color: #555; }
tr.total { font-weight: bold; background: #fafafa; }
.code { color: #666; font-size: .85rem; }
.note { color: #444; font-size: .9rem; }
section + section { border-top: 3px double #999; margin-top: 3rem; }
</style>
</head>
<body>
<#list periods as p>
<section>
<h1>${L.title(p.period)} · ${L.byUnit[by]}</h1>
<p class="publisher"><strong>${p.publisherName}</strong> (${L.code} ${p.publisherCode})</p>
<#if p.provisionalAsOf??>
<p class="provisional"><em>${L.provisional} ${p.provisionalAsOf}</em></p>
</#if>
<table>
  <thead>
    <tr><th>${L.unitKinds[by]}</th><#list columns as c><th>${L.unitColumns[c]}</th></#list></tr>
  </thead>
  <tbody>
<#list p.rows as r>
    <tr><th><#if r.noUnit??>${L.noUnit}<#elseif r.unitName??>${r.unitName} <span class="code">${r.unitLabelCode}</span><#else>${r.unitLabelCode}</#if></th><#list columns as c><@cell r c/></#list></tr>
</#list>
    <tr class="total"><th>${L.totalRow}</th><#list columns as c><@cell p.total c/></#list></tr>
  </tbody>
</table>
<p class="note">${L.unitsNote}</p>
</section>
</#list>
</body>
</html>
