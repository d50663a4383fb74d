<#--
  The bulletin's sections, shared by bulletin.md.ftl and bulletin.html.ftl so that both say the
  same thing. A row is a figure key and its level (1: a part of the level-0 row above it). A
  section's `lead` figure is written before its tables; `survey` sections exist for the
  publisher only, never for a unit. Wording is in labels/<lang>.ftl.
-->
<#assign sections = [
  {"id": "dossiers", "survey": false, "count": "dossiers", "tables": [
    {"caption": "", "first": "item", "rows": [
      {"key": "carried_over", "level": 0},
      {"key": "received_new", "level": 0},
      {"key": "total", "level": 0},
      {"key": "resolved", "level": 0},
      {"key": "resolved_early", "level": 1},
      {"key": "resolved_on_time", "level": 1},
      {"key": "resolved_late", "level": 1},
      {"key": "returned", "level": 0},
      {"key": "pending", "level": 0},
      {"key": "pending_not_due", "level": 1},
      {"key": "pending_awaiting_supplement", "level": 1},
      {"key": "pending_overdue", "level": 1},
      {"key": "postal", "level": 0}
    ]}
  ]},
  {"id": "online_l34", "survey": false, "count": "dossiers", "tables": [
    {"caption": "", "first": "item", "rows": [
      {"key": "online_l34_resolved", "level": 0},
      {"key": "online_l34_early", "level": 1},
      {"key": "online_l34_on_time", "level": 1},
      {"key": "online_l34_late", "level": 1},
      {"key": "online_l34_received_online", "level": 0}
    ]}
  ]},
  {"id": "five_on_spot", "survey": false, "count": "dossiers", "tables": [
    {"caption": "", "first": "item", "rows": [
      {"key": "five_on_spot_resolved", "level": 0},
      {"key": "five_on_spot_early", "level": 1},
      {"key": "five_on_spot_on_time", "level": 1},
      {"key": "five_on_spot_late", "level": 1}
    ]}
  ]},
  {"id": "survey", "survey": true, "count": "ballots", "lead": "survey_ballots", "tables": [
    {"caption": "attitude", "first": "answer", "rows": [
      {"key": "survey_attitude_1", "level": 0},
      {"key": "survey_attitude_2", "level": 0},
      {"key": "survey_attitude_3", "level": 0},
      {"key": "survey_attitude_4", "level": 0}
    ]},
    {"caption": "overall", "first": "answer", "rows": [
      {"key": "survey_overall_1", "level": 0},
      {"key": "survey_overall_2", "level": 0},
      {"key": "survey_overall_3", "level": 0},
      {"key": "survey_overall_4", "level": 0}
    ]}
  ]}
]>
