<#--
  English wording of the bulletin. Keys of `figures` are the figure keys of the bulletin
  JSON; keys of `styles` are percent-style ids.
-->
<#assign docTitle = "Bulletin on administrative procedures">
<#assign months = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"]>
<#-- The period as written after a title: "April 2021", "Q2 2021", "2021". -->
<#function period p>
  <#if p.kind == "MONTH">
    <#return months[p.number - 1] + " " + p.year?c>
  <#elseif p.kind == "QUARTER">
    <#return "Q" + p.number?c + " " + p.year?c>
  <#else>
    <#return p.year?c>
  </#if>
</#function>
<#function title p>
  <#return docTitle + ", " + period(p)>
</#function>
<#assign code = "code">
<#assign unit = "Unit">
<#assign none = "none">
<#assign columns = {
  "item": "Item",
  "answer": "Answer",
  "dossiers": "Dossiers",
  "ballots": "Ballots",
  "share": "Share"
}>
<#assign sections = {
  "dossiers": "1. Dossiers received and resolved",
  "online_l34": "2. Online public services, levels 3 and 4",
  "five_on_spot": "3. “Five on the spot” procedures",
  "survey": "4. Satisfaction of citizens and businesses"
}>
<#assign captions = {
  "attitude": "Attitude of the staff",
  "overall": "Overall satisfaction"
}>
<#assign figures = {
  "carried_over": "Carried over from the previous period",
  "received_new": "Newly received",
  "total": "Total dossiers",
  "resolved": "Resolved",
  "resolved_early": "Before the deadline",
  "resolved_on_time": "On the deadline",
  "resolved_late": "Late",
  "pending": "In progress",
  "pending_not_due": "Not yet due",
  "pending_awaiting_supplement": "Awaiting a supplement",
  "pending_overdue": "Overdue",
  "returned": "Returned or withdrawn",
  "postal": "Through the public postal service",
  "online_l34_resolved": "Resolved",
  "online_l34_received_online": "Received online",
  "online_l34_early": "Before the deadline",
  "online_l34_on_time": "On the deadline",
  "online_l34_late": "Late",
  "five_on_spot_resolved": "Resolved",
  "five_on_spot_early": "Before the deadline",
  "five_on_spot_on_time": "On the deadline",
  "five_on_spot_late": "Late",
  "survey_ballots": "Ballots in the period",
  "survey_attitude_1": "Very polite, friendly, approachable",
  "survey_attitude_2": "Ordinary",
  "survey_attitude_3": "Unfriendly",
  "survey_attitude_4": "Arrogant, harassing",
  "survey_overall_1": "Very satisfied",
  "survey_overall_2": "Satisfied",
  "survey_overall_3": "Neutral",
  "survey_overall_4": "Not satisfied"
}>
<#assign notes = {
  "dossiers": "Shares before, on and after the deadline and through the postal service are of the dossiers resolved.",
  "online_l34": "Shares are of the level 3 and 4 online-service dossiers resolved.",
  "five_on_spot": "Shares are of the “five on the spot” dossiers resolved.",
  "survey": "Shares are of all ballots."
}>
<#assign styles = {
  "truncate-remainder": "Shares are truncated, not rounded; in each group that adds up to 100%, the last non-zero item is 100% minus the others.",
  "half-up": "Shares are rounded half up."
}>
<#assign noneNote = "“" + none + "”: the count is zero.">
<#-- The side-by-side unit table (--by): its heading, first column, columns and total row. -->
<#assign unitKinds = {"department": "Department", "sector": "Sector", "procedure": "Procedure"}>
<#assign byUnit = {"department": "by department", "sector": "by sector", "procedure": "by procedure"}>
<#assign unitColumns = {
  "total": "Total dossiers",
  "received_new": "Received new",
  "resolved": "Resolved",
  "resolved_early": "Early",
  "resolved_on_time": "On time",
  "resolved_late": "Late",
  "pending": "Pending",
  "pending_overdue": "Pending overdue",
  "returned": "Returned/withdrawn"
}>
<#assign totalRow = "Total">
<#assign noUnit = "(no department)">
<#assign unitsNote = "Early, on-time and late shares are of each unit's resolved dossiers. The total row equals the publisher's own figures.">
<#-- A provisional period: its last day was not a full day behind when the data was extracted. -->
<#assign provisional = "Provisional, data as of">
