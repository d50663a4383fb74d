<#ftl output_format="plainText">
<#--
  The Thái Bình centre's own monthly article (shared/spec/bulletins/thai-binh-2021-04.article.txt),
  in its sentences, as plain text. Model: lang, b (one month's bulletin, see BulletinRenderer):
  b.n figure counts as printed (7.790), b.v the same figures as numbers, b.pct the printed
  percents (81,9; 99,12) of the non-zero shares, b.period (number, year, previousNumber,
  previousYear), b.publisherName.

  The article's own ways, kept on purpose:
  - a zero part is written "không có hồ sơ …" ("Không có phiếu …" in the survey), never "0 hồ sơ"
    or 0%; a whole that is zero (nothing resolved, nothing pending…) is one "Không có hồ sơ …"
    sentence without its parts;
  - the month before is named: "hồ sơ của tháng 3 chuyển sang" (with its year, "tháng 12/2020",
    in January);
  - ballot counts under ten are written with two digits ("02 phiếu"), totals included;
  - the survey's wording differs from answer to answer exactly as published ("06 phiếu/228
    phiếu", "01 phiếu/ 228 phiếu", "đánh giá Không hài lòng"); answers the April 2021 article
    did not print a count for are worded like its attitude answers ("N phiếu/ tổng T phiếu").
  The non-figure paragraphs are the published ones, with the month and the publisher's name.
-->
<#assign month = b.period.number?c + "/" + b.period.year?c>
<#assign previous = b.period.previousNumber?c + (b.period.previousYear == b.period.year)?then("", "/" + b.period.previousYear?c)>
<#-- "số hồ sơ <phrase><sep>N hồ sơ[, đạt P%]", or "không có hồ sơ <phrase>" for a zero. -->
<#function part key phrase sep withShare>
  <#if b.v[key] == 0>
    <#return "không có hồ sơ " + phrase>
  </#if>
  <#local s = "số hồ sơ " + phrase + sep + b.n[key] + " hồ sơ">
  <#if withShare && b.pct[key]??>
    <#local s = s + ", đạt " + b.pct[key] + "%">
  </#if>
  <#return s>
</#function>
<#-- The split of a resolved count: before, on, after the deadline. -->
<#function split prefix>
  <#return part(prefix + "_early", "giải quyết trước hạn", " là: ", true) + "; "
    + part(prefix + "_on_time", "giải quyết đúng hạn", " là: ", true) + "; "
    + part(prefix + "_late", "giải quyết quá hạn", " là: ", true)>
</#function>
<#-- A ballot count as the article writes it: two digits under ten ("02"). -->
<#function ballots key>
  <#return (b.v[key] < 10)?then("0" + b.n[key], b.n[key])>
</#function>
<#-- One survey answer: "<lead>N phiếu<slash>T phiếu, chiếm P% đánh giá <phrase>", or "Không có phiếu đánh giá <phrase>". -->
<#function answer key lead slash phrase>
  <#if b.v[key] == 0>
    <#return "Không có phiếu đánh giá " + phrase>
  </#if>
  <#return lead + ballots(key) + " phiếu" + slash + ballots("survey_ballots") + " phiếu, chiếm " + b.pct[key] + "% đánh giá " + phrase>
</#function>
<#if b.provisionalAsOf??>
(Số liệu tạm tính đến ${b.provisionalAsOf})

</#if>
<#if b.v.resolved == 0>
Tháng ${month} Trung tâm Phục vụ hành chính công tỉnh không có hồ sơ đã giải quyết
<#else>
Tháng ${month} Trung tâm Phục vụ hành chính công tỉnh đã giải quyết ${b.n.resolved} hồ sơ
</#if>

Tháng ${month}, Hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh được các cán bộ, công chức của Trung tâm tiếp nhận, thẩm định hồ sơ theo đúng quy trình quy định, đảm bảo hồ sơ được tiếp nhận có đầy đủ các thông tin, đủ điều kiện để các sở, ngành thụ lý, thẩm định và phê duyệt theo quy định.

Tổng số hồ sơ tiếp nhận trong tháng để giải quyết là: ${b.n.total} hồ sơ, trong đó ${part("carried_over", "của tháng " + previous + " chuyển sang", " là: ", false)}; ${part("received_new", "tiếp nhận mới trong tháng", " là: ", false)}.

<#if b.v.resolved == 0>
Không có hồ sơ đã giải quyết trong tháng.
<#else>
Số lượng hồ sơ đã giải quyết trong tháng là: ${b.n.resolved} hồ sơ, trong đó ${split("resolved")}.
</#if>

<#if b.v.pending == 0>Không có hồ sơ đang giải quyết.<#else>Tổng số hồ sơ đang giải quyết là: ${b.n.pending} hồ sơ, trong đó ${part("pending_not_due", "chưa đến hạn", ": ", false)}; ${part("pending_awaiting_supplement", "chờ bổ sung, giải trình", ": ", false)}; ${part("pending_overdue", "quá hạn", ": ", false)}.</#if> <#if b.v.returned == 0>Không có hồ sơ trả lại để chỉnh sửa bổ sung trong tháng.<#else>Tổng số hồ sơ trả lại để chỉnh sửa bổ sung trong tháng: ${b.n.returned} hồ sơ.</#if>

<#if b.v.postal == 0>Không có hồ sơ nhận và trả kết quả qua đường bưu điện.<#else>Tổng số hồ sơ nhận và trả kết quả qua đường bưu điện: ${b.n.postal} hồ sơ, đạt ${b.pct.postal}%.</#if> <#if b.v.online_l34_resolved == 0>Không có hồ sơ dịch vụ công trực tuyến mức độ 3, 4 đã giải quyết trong tháng.<#else>Số lượng hồ sơ dịch vụ công trực tuyến mức độ 3, 4 đã giải quyết trong tháng là: ${b.n.online_l34_resolved} hồ sơ. Trong đó ${part("online_l34_received_online", "tiếp nhận trực tuyến", ": ", true)}; ${split("online_l34")}.</#if>

<#if b.v.five_on_spot_resolved == 0>
Không có hồ sơ đã giải quyết trong tháng theo phương án “5 tại chỗ”.
<#else>
Số lượng hồ sơ đã giải quyết trong tháng theo phương án “5 tại chỗ” là: ${b.n.five_on_spot_resolved} hồ sơ. Trong đó ${split("five_on_spot")}.
</#if>

Tinh thần thái độ của công chức khi tiếp xúc, giải quyết công việc với các tổ chức và cá nhân luôn hòa nhã, tận tình, lịch sự; chấp hành tốt các quy định, nội quy, quy chế của Ủy ban nhân dân tỉnh và Trung tâm đề ra. Trung tâm đã thực hiện lấy ý kiến của tổ chức, cá nhân tới thực hiện thủ tục hành chính tại Trung tâm; tổng hợp phiếu đánh giá mức độ hài lòng của tổ chức, công dân đối với dịch vụ hành chính công tại ${b.publisherName} trong tháng ${month}.

<#if b.v.survey_ballots == 0>
Không có phiếu đánh giá mức độ hài lòng trong tháng.
<#else>
Đánh giá về thái độ, tinh thần trách nhiệm của cán bộ, công chức, viên chức khi giao tiếp: ${answer("survey_attitude_1", "có ", "/ tổng ", "rất lịch sự, thân thiện, dễ gần")}; ${answer("survey_attitude_2", "", "/ tổng ", "giao tiếp bình thường")}; <#if b.v.survey_attitude_3 == 0 && b.v.survey_attitude_4 == 0>Không có phiếu đánh giá không thân thiện và hách dịch, nhũng nhiễu<#else>${answer("survey_attitude_3", "", "/ tổng ", "không thân thiện")}; ${answer("survey_attitude_4", "", "/ tổng ", "hách dịch, nhũng nhiễu")}</#if>.

Đánh giá chung, ${answer("survey_overall_1", "có ", "/ tổng ", "rất hài lòng")}; ${answer("survey_overall_2", "", "/", "hài lòng")}; ${answer("survey_overall_3", "", "/ ", "bình thường")}; <#if b.v.survey_overall_4 == 0>Không có phiếu đánh giá Không hài lòng<#else>${answer("survey_overall_4", "", "/ tổng ", "không hài lòng")}</#if>.
</#if>
