<#ftl output_format="plainText">
<#--
  A bulletin (or several, one after the other) as Markdown. Model: lang, shareKeys, bulletins
  (see BulletinRenderer). Numbers arrive already written in the language's notation.
-->
<#import "labels/" + lang + ".ftl" as L>
<#import "sections.ftl" as S>
<#-- Backslash-escapes the characters Markdown would read as markup in names and codes. -->
<#function md s>
  <#return s?replace(r"([\\`*_\[\]|<>#])", r"\\$1", "r")>
</#function>
<#-- The share column of a row: the printed percent, "none" for a zero figure, empty when the row is no share. -->
<#macro share b key><#if shareKeys?seq_contains(key)> <#if b.pct[key]??>${b.pct[key]}%<#else>${L.none}</#if></#if></#macro>
<#list bulletins as b>
<#if b?index gt 0>

---

</#if>
# ${L.title(b.period)}

**${md(b.publisherName)}** (${L.code} ${md(b.publisherCode)})<#if b.unitCode??> · ${L.unit}: ${md(b.unitCode)}</#if>
<#if b.provisionalAsOf??>

*${L.provisional} ${b.provisionalAsOf}*
</#if>

<#list S.sections as s>
<#if s.survey && !b.hasSurvey><#continue></#if>
## ${L.sections[s.id]}

<#if s.lead??>
${L.figures[s.lead]}: ${b.n[s.lead]}

</#if>
<#list s.tables as t>
<#if t.caption?has_content>
### ${L.captions[t.caption]}

</#if>
| ${L.columns[t.first]} | ${L.columns[s.count]} | ${L.columns.share} |
|---|--:|--:|
<#list t.rows as r>
| <#if r.level gt 0>– </#if>${L.figures[r.key]} | ${b.n[r.key]} |<@share b r.key/> |
</#list>

</#list>
${L.notes[s.id]}

</#list>
_${L.styles[b.percentStyle]} ${L.noneNote}_
</#list>
