<#ftl output_format="HTML">
<#--
  A bulletin (or several, one article each) as a complete, self-contained UTF-8 HTML page.
  The HTML output format escapes every interpolated text. Model: lang, shareKeys, bulletins
  (see BulletinRenderer). Numbers arrive already written in the language's notation.
-->
<#import "labels/" + lang + ".ftl" as L>
<#import "sections.ftl" as S>
<#-- The share cell of a row: the printed percent, "none" for a zero figure, empty when the row is no share. -->
<#macro share b key><#if shareKeys?seq_contains(key)><#if b.pct[key]??><td class="num">${b.pct[key]}%</td><#else><td class="num none">${L.none}</td></#if><#else><td></td></#if></#macro>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><#if bulletins?size == 1>${L.title(bulletins[0].period)}<#else>${L.docTitle}</#if> – ${bulletins[0].publisherName}</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: left; }
thead th { background: #f2f2f2; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody th { font-weight: normal; }
tr.part th { padding-left: 2rem; }
.none { color: #666; font-style: italic; }
.note { color: #444; font-size: .9rem; }
article + article { border-top: 3px double #999; margin-top: 3rem; }
</style>
</head>
<body>
<#list bulletins as b>
<article>
<h1>${L.title(b.period)}</h1>
<p class="publisher"><strong>${b.publisherName}</strong> (${L.code} ${b.publisherCode})<#if b.unitCode??> · ${L.unit}: ${b.unitCode}</#if></p>
<#if b.provisionalAsOf??>
<p class="provisional"><em>${L.provisional} ${b.provisionalAsOf}</em></p>
</#if>
<#list S.sections as s>
<#if s.survey && !b.hasSurvey><#continue></#if>
<section>
<h2>${L.sections[s.id]}</h2>
<#if s.lead??>
<p>${L.figures[s.lead]}: <strong>${b.n[s.lead]}</strong></p>
</#if>
<#list s.tables as t>
<#if t.caption?has_content>
<h3>${L.captions[t.caption]}</h3>
</#if>
<table>
<thead><tr><th scope="col">${L.columns[t.first]}</th><th scope="col" class="num">${L.columns[s.count]}</th><th scope="col" class="num">${L.columns.share}</th></tr></thead>
<tbody>
<#list t.rows as r>
<tr<#if r.level gt 0> class="part"</#if>><th scope="row">${L.figures[r.key]}</th><td class="num">${b.n[r.key]}</td><@share b r.key/></tr>
</#list>
</tbody>
</table>
</#list>
<p class="note">${L.notes[s.id]}</p>
</section>
</#list>
<p class="note">${L.styles[b.percentStyle]} ${L.noneNote}</p>
</article>
</#list>
</body>
</html>
