<#--
  Vietnamese wording of the bulletin (the default language). Keys of `figures` are the
  figure keys of the bulletin JSON; keys of `styles` are percent-style ids.
-->
<#assign docTitle = "Bản tin kết quả giải quyết thủ tục hành chính">
<#assign romans = ["I", "II", "III", "IV"]>
<#-- The period as written after a title: "tháng 4/2021", "quý II/2021", "năm 2021". -->
<#function period p>
  <#if p.kind == "MONTH">
    <#return "tháng " + p.number?c + "/" + p.year?c>
  <#elseif p.kind == "QUARTER">
    <#return "quý " + romans[p.number - 1] + "/" + p.year?c>
  <#else>
    <#return "năm " + p.year?c>
  </#if>
</#function>
<#function title p>
  <#return docTitle + " " + period(p)>
</#function>
<#assign code = "mã">
<#assign unit = "Đơn vị">
<#assign none = "không có">
<#assign columns = {
  "item": "Chỉ tiêu",
  "answer": "Câu trả lời",
  "dossiers": "Số hồ sơ",
  "ballots": "Số phiếu",
  "share": "Tỷ lệ"
}>
<#assign sections = {
  "dossiers": "1. Tiếp nhận và giải quyết hồ sơ",
  "online_l34": "2. Dịch vụ công trực tuyến mức độ 3, 4",
  "five_on_spot": "3. Giải quyết theo cơ chế “5 tại chỗ”",
  "survey": "4. Đánh giá sự hài lòng của người dân, doanh nghiệp"
}>
<#assign captions = {
  "attitude": "Thái độ của cán bộ, công chức",
  "overall": "Mức độ hài lòng chung"
}>
<#assign figures = {
  "carried_over": "Hồ sơ tồn kỳ trước chuyển sang",
  "received_new": "Tiếp nhận mới",
  "total": "Tổng số hồ sơ",
  "resolved": "Đã giải quyết",
  "resolved_early": "Trước hạn",
  "resolved_on_time": "Đúng hạn",
  "resolved_late": "Quá hạn",
  "pending": "Đang giải quyết",
  "pending_not_due": "Chưa đến hạn",
  "pending_awaiting_supplement": "Chờ bổ sung",
  "pending_overdue": "Quá hạn",
  "returned": "Trả lại/rút hồ sơ",
  "postal": "Qua dịch vụ bưu chính công ích",
  "online_l34_resolved": "Đã giải quyết",
  "online_l34_received_online": "Tiếp nhận trực tuyến",
  "online_l34_early": "Trước hạn",
  "online_l34_on_time": "Đúng hạn",
  "online_l34_late": "Quá hạn",
  "five_on_spot_resolved": "Đã giải quyết",
  "five_on_spot_early": "Trước hạn",
  "five_on_spot_on_time": "Đúng hạn",
  "five_on_spot_late": "Quá hạn",
  "survey_ballots": "Phiếu đánh giá trong kỳ",
  "survey_attitude_1": "Rất lịch sự, thân thiện, dễ gần",
  "survey_attitude_2": "Bình thường",
  "survey_attitude_3": "Không thân thiện",
  "survey_attitude_4": "Hách dịch, nhũng nhiễu",
  "survey_overall_1": "Rất hài lòng",
  "survey_overall_2": "Hài lòng",
  "survey_overall_3": "Bình thường",
  "survey_overall_4": "Không hài lòng"
}>
<#assign notes = {
  "dossiers": "Tỷ lệ trước hạn, đúng hạn, quá hạn và qua dịch vụ bưu chính công ích tính trên số hồ sơ đã giải quyết.",
  "online_l34": "Tỷ lệ tính trên số hồ sơ dịch vụ công trực tuyến mức độ 3, 4 đã giải quyết.",
  "five_on_spot": "Tỷ lệ tính trên số hồ sơ “5 tại chỗ” đã giải quyết.",
  "survey": "Tỷ lệ tính trên tổng số phiếu đánh giá."
}>
<#assign styles = {
  "truncate-remainder": "Tỷ lệ được cắt bớt, không làm tròn; trong mỗi nhóm cộng đủ 100%, mục khác 0 cuối cùng bằng 100% trừ các mục còn lại.",
  "half-up": "Tỷ lệ được làm tròn (từ 5 trở lên làm tròn lên)."
}>
<#assign noneNote = "“" + none + "”: số lượng bằng 0.">
<#-- The side-by-side unit table (--by): its heading, first column, columns and total row. -->
<#assign unitKinds = {"department": "Sở, ban, ngành", "sector": "Lĩnh vực", "procedure": "Thủ tục"}>
<#assign byUnit = {"department": "theo sở, ban, ngành", "sector": "theo lĩnh vực", "procedure": "theo thủ tục"}>
<#assign unitColumns = {
  "total": "Tổng số hồ sơ",
  "received_new": "Tiếp nhận mới",
  "resolved": "Đã giải quyết",
  "resolved_early": "Trước hạn",
  "resolved_on_time": "Đúng hạn",
  "resolved_late": "Quá hạn",
  "pending": "Đang giải quyết",
  "pending_overdue": "Đang giải quyết quá hạn",
  "returned": "Trả lại/rút hồ sơ"
}>
<#assign totalRow = "Tổng cộng">
<#assign noUnit = "(không rõ đơn vị)">
<#assign unitsNote = "Tỷ lệ trước hạn, đúng hạn, quá hạn tính trên số hồ sơ đã giải quyết của từng đơn vị. Dòng tổng cộng bằng số liệu chung của đơn vị công bố.">
<#-- A provisional period: its last day was not a full day behind when the data was extracted. -->
<#assign provisional = "Số liệu tạm tính đến">
