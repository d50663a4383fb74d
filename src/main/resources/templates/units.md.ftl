<#ftl output_format="plainText">
<#--
  The units of a publisher side by side (--by department|sector|procedure), one table per
  period. Model: lang, by, columns (figure keys), shareKeys, periods (each: publisherName,
  publisherCode, period, rows, total; a row as a bulletin of BulletinRenderer plus label).
-->
<#import "labels/" + lang + ".ftl" as L>
<#function md s>
  <#return s?replace(r"([\\`*_\[\]|<>#])", r"\\$1", "r")>
</#function>
<#macro cell b key><#if shareKeys?seq_contains(key) && b.pct[key]??>${b.n[key]} (${b.pct[key]}%)<#else>${b.n[key]}</#if></#macro>
<#list periods as p>
<#if p?index gt 0>

---

</#if>
# ${L.title(p.period)} · ${L.byUnit[by]}

**${md(p.publisherName)}** (${L.code} ${md(p.publisherCode)})
<#if p.provisionalAsOf??>

*${L.provisional} ${p.provisionalAsOf}*
</#if>

| ${L.unitKinds[by]} |<#list columns as c> ${L.unitColumns[c]} |</#list>
|---|<#list columns as c>--:|</#list>
<#list p.rows as r>
| <#if r.noUnit??>${L.noUnit}<#elseif r.unitName??>${md(r.unitName)} (${md(r.unitLabelCode)})<#else>${md(r.unitLabelCode)}</#if> |<#list columns as c> <@cell r c/> |</#list>
</#list>
| **${L.totalRow}** |<#list columns as c> **<@cell p.total c/>** |</#list>

${L.unitsNote}
</#list>
