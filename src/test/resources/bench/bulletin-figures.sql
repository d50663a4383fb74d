-- The 31 bulletin figures of every month of every publisher, from the raw extracts, in DuckDB.
-- shared/spec/metrics.md and contract.md, with the README's decisions. {{hoso}}, {{danhgia}},
-- {{thutuc}} and {{donvi}} are replaced by a table of (json, filename): one row per line of
-- that kind's JSON Lines extracts, json NULL for a line that is not JSON.
-- Statements end with a semicolon at the end of a line, comments hold none.

CREATE OR REPLACE MACRO clean(x) AS nullif(trim(x, chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160) || chr(8199) || chr(8239) || chr(12288) || chr(65279) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8287) || chr(28) || chr(29) || chr(30) || chr(31) || chr(0) || chr(1)), '');
CREATE OR REPLACE MACRO ts(x) AS CASE WHEN regexp_full_match(x, '[0-9]{14}') THEN try_strptime(x, '%Y%m%d%H%M%S') END;
CREATE OR REPLACE MACRO bad_ts(x) AS x IS NOT NULL AND ts(x) IS NULL;
CREATE OR REPLACE MACRO vdate(x) AS CASE WHEN regexp_full_match(x, '[0-9]{14}') THEN CAST(try_strptime(x, '%Y%m%d%H%M%S') AS DATE) WHEN regexp_full_match(x, '[0-9]{8}') THEN CAST(try_strptime(x, '%Y%m%d') AS DATE) END;
CREATE OR REPLACE MACRO code(x, lo, hi) AS CASE WHEN regexp_full_match(x, '[0-9]{1,9}') AND CAST(x AS INTEGER) BETWEEN lo AND hi THEN CAST(x AS INTEGER) END;
CREATE OR REPLACE MACRO bad_code(x, lo, hi) AS x IS NOT NULL AND code(x, lo, hi) IS NULL;
-- An event (submitted, accepted, ended, ...) cannot lie after the extract's day or before 1990.
CREATE OR REPLACE MACRO bad_event(x, xat) AS x IS NOT NULL AND (CAST(ts(x) AS DATE) > CAST(xat AS DATE) OR ts(x) < TIMESTAMP '1990-01-01 00:00:00');
-- A due date more than a year after the extract time is bad too.
CREATE OR REPLACE MACRO bad_due(x, xat) AS x IS NOT NULL AND ts(x) > xat + INTERVAL 1 YEAR;
CREATE OR REPLACE MACRO extract_at(f) AS strptime(regexp_extract(f, '_([0-9]{8})', 1) || coalesce(nullif(regexp_extract(f, '_[0-9]{8}([0-9]{6})\.', 1), ''), '000000'), '%Y%m%d%H%M%S');
CREATE OR REPLACE MACRO base(f) AS regexp_extract(f, '[^/\\]*$');
CREATE OR REPLACE MACRO national_code(x) AS regexp_extract(x, '^\s*(\d+\.\d+)', 1);

-- hoso: every line, its contract fields cleaned (v[i] in contract order), its identity hash.
CREATE TEMP TABLE hoso_raw AS
SELECT row_number() OVER () AS rid, base(filename) AS file, extract_at(base(filename)) AS xat,
       list_transform(json_extract_string(json, ['$.MaHoSo', '$.MaTTHC', '$.TenTTHC', '$.MaLinhVuc', '$.TenLinhVuc', '$.MaDonVi', '$.MaNoiTiepNhan', '$.KenhThucHien', '$.NgayNopHoSo', '$.NgayTiepNhan', '$.NgayHenTra', '$.NgayKetThucXuLy', '$.NgayTra', '$.NgayTuChoi', '$.TrangThaiHoSo', '$.LoaiKetQua', '$.HinhThuc', '$.DanhSachHoSoBoSung', '$.ChuHoSo', '$.SoGiayToChuHoSo', '$.SoDienThoai', '$.Email', '$.DiaChi', '$.DinhDanhCHS', '$.TrichYeuHoSo']), lambda x: clean(x)) AS v
FROM {{hoso}};

CREATE TEMP TABLE hoso_rec AS
SELECT rid, file, xat, v[1] AS id, v[2] AS mattHC, v[6] AS madonvi, v[7] AS pub, v[8] AS kenh,
       v[9] AS nop, v[10] AS tiepnhan, v[11] AS hentra, v[12] AS ketthuc, v[13] AS tra, v[14] AS tuchoi,
       v[15] AS trangthai, v[16] AS loai, v[17] AS hinhthuc, v[18] AS sup,
       md5(array_to_string(list_transform(v, lambda x: coalesce(x, chr(0))), chr(1))) AS hash
FROM hoso_raw;

-- One row per supplement request of every record that has a list which is a JSON array.
CREATE TEMP TABLE sup_raw AS
SELECT rid, xat, k + 1 AS seq, json_extract(sup, '$[' || k || ']') AS el
FROM (SELECT rid, xat, sup, unnest(range(CAST(json_array_length(sup) AS BIGINT))) AS k
      FROM hoso_rec WHERE sup IS NOT NULL AND json_valid(sup) AND json_type(sup) = 'ARRAY');

CREATE TEMP TABLE sup_el AS
SELECT rid, seq, json_type(el) = 'OBJECT' AS is_obj,
       clean(json_extract_string(el, '$.NgayBoSung')) AS req,
       clean(json_extract_string(el, '$.NgayTiepNhanBoSung')) AS rec,
       clean(json_extract_string(el, '$.NgayHenTraTruoc')) AS dueb,
       clean(json_extract_string(el, '$.NgayHenTraMoi')) AS duea, xat
FROM sup_raw;

CREATE TEMP TABLE sup_bad AS
SELECT DISTINCT rid FROM sup_el
WHERE NOT is_obj OR req IS NULL OR bad_ts(req) OR bad_ts(rec) OR bad_ts(dueb) OR bad_ts(duea)
   OR ts(rec) < ts(req)
   OR bad_event(req, xat) OR bad_event(rec, xat) OR bad_due(dueb, xat) OR bad_due(duea, xat);

CREATE TEMP TABLE hoso_ok AS
SELECT h.* FROM hoso_rec h
WHERE id IS NOT NULL
  AND NOT (bad_ts(nop) OR bad_ts(tiepnhan) OR bad_ts(hentra) OR bad_ts(ketthuc) OR bad_ts(tra) OR bad_ts(tuchoi))
  AND code(trangthai, 1, 10) IS NOT NULL
  AND NOT bad_code(kenh, 1, 3) AND NOT bad_code(hinhthuc, 0, 1)
  AND (loai IS NULL OR loai IN ('TRA_LAI', 'XIN_RUT'))
  AND NOT (sup IS NOT NULL AND NOT (json_valid(sup) AND json_type(sup) IN ('ARRAY', 'NULL')))
  AND rid NOT IN (SELECT rid FROM sup_bad)
  AND NOT ((code(trangthai, 1, 10) IN (7, 9, 10) OR loai IS NOT NULL) AND ketthuc IS NULL)
  AND NOT coalesce(ts(tiepnhan) > ts(ketthuc), false)
  AND NOT (bad_event(nop, xat) OR bad_event(tiepnhan, xat) OR bad_event(ketthuc, xat) OR bad_event(tra, xat) OR bad_event(tuchoi, xat))
  AND NOT bad_due(hentra, xat);

-- Conflicting duplicates within one extract are all excluded; identical ones count once; the
-- newest extract wins (ties: the later file name).
CREATE TEMP TABLE dossiers AS
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY id ORDER BY xat DESC, file DESC) AS rn
  FROM (SELECT *, count(DISTINCT hash) OVER (PARTITION BY id, file) AS versions FROM hoso_ok)
  WHERE versions = 1)
WHERE rn = 1;

CREATE TEMP TABLE supplements AS
SELECT s.rid, s.seq, ts(s.req) AS req_at, CAST(ts(s.req) AS DATE) AS req_on,
       CAST(ts(s.rec) AS DATE) AS rec_on, CAST(ts(s.dueb) AS DATE) AS dueb_on
FROM sup_el s JOIN dossiers d ON d.rid = s.rid;

-- thutuc: catalogue versions, key (MaTTHC, HieuLucTu).
CREATE TEMP TABLE thutuc_rec AS
SELECT base(filename) AS file, extract_at(base(filename)) AS xat, v[1] AS code, v[6] AS mucdo,
       v[7] AS namtaicho, v[8] AS tu, v[9] AS den, v[5] AS madonvi,
       md5(array_to_string(list_transform(v, lambda x: coalesce(x, chr(0))), chr(1))) AS hash
FROM (SELECT filename, list_transform(json_extract_string(json, ['$.MaTTHC', '$.TenTTHC', '$.MaLinhVuc', '$.TenLinhVuc', '$.MaDonVi', '$.MucDo', '$.NamTaiCho', '$.HieuLucTu', '$.HieuLucDen']), lambda x: clean(x)) AS v
      FROM {{thutuc}});

CREATE TEMP TABLE catalogue AS
SELECT national_code(code) AS pkey, vdate(tu) AS valid_from, vdate(den) AS valid_to,
       mucdo IN ('3', '4', 'MOT_PHAN', 'TOAN_TRINH') AS l34, coalesce(code(namtaicho, 0, 1) = 1, false) AS five
FROM (
  SELECT *, row_number() OVER (PARTITION BY code, vdate(tu) ORDER BY xat DESC, file DESC) AS rn
  FROM (SELECT *, count(DISTINCT hash) OVER (PARTITION BY code, vdate(tu), file) AS versions
        FROM thutuc_rec
        WHERE code IS NOT NULL
          AND (mucdo IS NULL OR mucdo IN ('2', '3', '4', 'MOT_PHAN', 'TOAN_TRINH'))
          AND NOT bad_code(namtaicho, 0, 1)
          AND NOT (tu IS NOT NULL AND vdate(tu) IS NULL) AND NOT (den IS NOT NULL AND vdate(den) IS NULL)
          AND NOT coalesce(vdate(den) < vdate(tu), false))
  WHERE versions = 1)
WHERE rn = 1;

-- danhgia: ballots.
CREATE TEMP TABLE danhgia_rec AS
SELECT base(filename) AS file, extract_at(base(filename)) AS xat, v[1] AS id, v[2] AS ngay,
       v[3] AS pub, v[5] AS thaido, v[6] AS hailong,
       md5(array_to_string(list_transform(v, lambda x: coalesce(x, chr(0))), chr(1))) AS hash
FROM (SELECT filename, list_transform(json_extract_string(json, ['$.MaPhieu', '$.NgayDanhGia', '$.MaNoiTiepNhan', '$.MaHoSo', '$.ThaiDo', '$.HaiLong']), lambda x: clean(x)) AS v
      FROM {{danhgia}});

CREATE TEMP TABLE ballots AS
SELECT pub, CAST(ts(ngay) AS DATE) AS day, code(thaido, 1, 4) AS thaido, code(hailong, 1, 4) AS hailong
FROM (
  SELECT *, row_number() OVER (PARTITION BY id ORDER BY xat DESC, file DESC) AS rn
  FROM (SELECT *, count(DISTINCT hash) OVER (PARTITION BY id, file) AS versions
        FROM danhgia_rec
        WHERE id IS NOT NULL AND ts(ngay) IS NOT NULL AND NOT bad_event(ngay, xat)
          AND code(thaido, 1, 4) IS NOT NULL AND code(hailong, 1, 4) IS NOT NULL)
  WHERE versions = 1)
WHERE rn = 1 AND pub IS NOT NULL;

-- The counted dossiers, with the catalogue version valid on r (the later HieuLucTu wins).
CREATE TEMP TABLE counted AS
SELECT d.rid, d.pub, CAST(ts(d.tiepnhan) AS DATE) AS r,
       CASE WHEN code(d.trangthai, 1, 10) IN (7, 9, 10) OR d.loai IS NOT NULL THEN CAST(ts(d.ketthuc) AS DATE) END AS e,
       CAST(ts(d.hentra) AS DATE) AS due,
       CASE WHEN d.loai = 'TRA_LAI' THEN 'returned' WHEN d.loai = 'XIN_RUT' OR code(d.trangthai, 1, 10) = 7 THEN 'withdrawn' ELSE 'resolved' END AS outcome,
       coalesce(code(d.kenh, 1, 3) = 3, false) OR coalesce(code(d.hinhthuc, 0, 1) = 1, false) AS postal,
       coalesce(code(d.kenh, 1, 3) = 2, false) AS online_channel,
       coalesce((SELECT arg_max(c.l34, coalesce(c.valid_from, DATE '0001-01-01')) FROM catalogue c
                 WHERE c.pkey = national_code(d.mattHC)
                   AND (c.valid_from IS NULL OR c.valid_from <= CAST(ts(d.tiepnhan) AS DATE))
                   AND (c.valid_to IS NULL OR c.valid_to >= CAST(ts(d.tiepnhan) AS DATE))), false) AS l34,
       coalesce((SELECT arg_max(c.five, coalesce(c.valid_from, DATE '0001-01-01')) FROM catalogue c
                 WHERE c.pkey = national_code(d.mattHC)
                   AND (c.valid_from IS NULL OR c.valid_from <= CAST(ts(d.tiepnhan) AS DATE))
                   AND (c.valid_to IS NULL OR c.valid_to >= CAST(ts(d.tiepnhan) AS DATE))), false) AS five
FROM dossiers d
WHERE code(d.trangthai, 1, 10) NOT IN (1, 3) AND d.tiepnhan IS NOT NULL AND d.pub IS NOT NULL;

-- Which months exist per publisher.
CREATE TEMP TABLE months AS
SELECT pub, CAST(m AS DATE) AS p_first, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS p_last
FROM (
  SELECT pub, unnest(generate_series(min(s), max(t), INTERVAL 1 MONTH)) AS m
  FROM (SELECT pub, date_trunc('month', r) AS s, date_trunc('month', coalesce(e, r)) AS t FROM counted
        UNION ALL SELECT pub, date_trunc('month', day), date_trunc('month', day) FROM ballots)
  GROUP BY pub);

-- Each counted dossier in each month it takes part in, with its state on p_last(P).
CREATE TEMP TABLE dossier_months AS
SELECT c.*, m.p_first, m.p_last,
       (c.e IS NULL OR c.e > m.p_last) AS pending,
       CASE WHEN c.due IS NULL OR c.e = c.due THEN 1 WHEN c.e < c.due THEN 0 ELSE 2 END AS timing
FROM counted c JOIN months m ON m.pub = c.pub AND c.r <= m.p_last AND (c.e IS NULL OR c.e >= m.p_first);

CREATE TEMP TABLE pending_state AS
SELECT dm.rid, dm.p_first,
       coalesce(bool_or(s.req_on <= dm.p_last AND (s.rec_on IS NULL OR s.rec_on > dm.p_last)), false) AS awaiting,
       min(CASE WHEN s.req_on > dm.p_last THEN {'xat': s.req_at, 'seq': s.seq, 'due': s.dueb_on} END) AS next_req
FROM dossier_months dm LEFT JOIN supplements s ON s.rid = dm.rid
WHERE dm.pending
GROUP BY dm.rid, dm.p_first;

CREATE TEMP TABLE dossier_figures AS
SELECT dm.pub, dm.p_first,
  count(*) FILTER (WHERE dm.r < dm.p_first) AS carried_over,
  count(*) FILTER (WHERE dm.r >= dm.p_first) AS received_new,
  count(*) FILTER (WHERE res) AS resolved,
  count(*) FILTER (WHERE res AND timing = 0) AS resolved_early,
  count(*) FILTER (WHERE res AND timing = 1) AS resolved_on_time,
  count(*) FILTER (WHERE res AND timing = 2) AS resolved_late,
  count(*) FILTER (WHERE dm.pending) AS pending,
  count(*) FILTER (WHERE dm.pending AND NOT ps.awaiting AND NOT coalesce(CASE WHEN ps.next_req IS NOT NULL THEN coalesce(ps.next_req.due, dm.due) ELSE dm.due END < dm.p_last, false)) AS pending_not_due,
  count(*) FILTER (WHERE dm.pending AND ps.awaiting) AS pending_awaiting_supplement,
  count(*) FILTER (WHERE dm.pending AND NOT ps.awaiting AND coalesce(CASE WHEN ps.next_req IS NOT NULL THEN coalesce(ps.next_req.due, dm.due) ELSE dm.due END < dm.p_last, false)) AS pending_overdue,
  count(*) FILTER (WHERE ended_in_p AND dm.outcome <> 'resolved') AS returned,
  count(*) FILTER (WHERE res AND dm.postal) AS postal,
  count(*) FILTER (WHERE res AND dm.l34) AS online_l34_resolved,
  count(*) FILTER (WHERE res AND dm.l34 AND dm.online_channel) AS online_l34_received_online,
  count(*) FILTER (WHERE res AND dm.l34 AND timing = 0) AS online_l34_early,
  count(*) FILTER (WHERE res AND dm.l34 AND timing = 1) AS online_l34_on_time,
  count(*) FILTER (WHERE res AND dm.l34 AND timing = 2) AS online_l34_late,
  count(*) FILTER (WHERE res AND dm.five) AS five_on_spot_resolved,
  count(*) FILTER (WHERE res AND dm.five AND timing = 0) AS five_on_spot_early,
  count(*) FILTER (WHERE res AND dm.five AND timing = 1) AS five_on_spot_on_time,
  count(*) FILTER (WHERE res AND dm.five AND timing = 2) AS five_on_spot_late
FROM (SELECT *, (e BETWEEN p_first AND p_last) AS ended_in_p, (e BETWEEN p_first AND p_last AND outcome = 'resolved') AS res
      FROM dossier_months) dm
LEFT JOIN pending_state ps ON ps.rid = dm.rid AND ps.p_first = dm.p_first
GROUP BY dm.pub, dm.p_first;

CREATE TEMP TABLE survey_figures AS
SELECT m.pub, m.p_first, count(*) AS survey_ballots,
  count(*) FILTER (WHERE thaido = 1) AS survey_attitude_1, count(*) FILTER (WHERE thaido = 2) AS survey_attitude_2,
  count(*) FILTER (WHERE thaido = 3) AS survey_attitude_3, count(*) FILTER (WHERE thaido = 4) AS survey_attitude_4,
  count(*) FILTER (WHERE hailong = 1) AS survey_overall_1, count(*) FILTER (WHERE hailong = 2) AS survey_overall_2,
  count(*) FILTER (WHERE hailong = 3) AS survey_overall_3, count(*) FILTER (WHERE hailong = 4) AS survey_overall_4
FROM ballots b JOIN months m ON m.pub = b.pub AND b.day BETWEEN m.p_first AND m.p_last
GROUP BY m.pub, m.p_first;

SELECT m.pub AS publisher, strftime(m.p_first, '%Y-%m') AS period,
  coalesce(d.carried_over, 0) AS carried_over, coalesce(d.received_new, 0) AS received_new,
  coalesce(d.carried_over, 0) + coalesce(d.received_new, 0) AS total,
  coalesce(d.resolved, 0) AS resolved, coalesce(d.resolved_early, 0) AS resolved_early,
  coalesce(d.resolved_on_time, 0) AS resolved_on_time, coalesce(d.resolved_late, 0) AS resolved_late,
  coalesce(d.pending, 0) AS pending, coalesce(d.pending_not_due, 0) AS pending_not_due,
  coalesce(d.pending_awaiting_supplement, 0) AS pending_awaiting_supplement,
  coalesce(d.pending_overdue, 0) AS pending_overdue, coalesce(d.returned, 0) AS returned,
  coalesce(d.postal, 0) AS postal, coalesce(d.online_l34_resolved, 0) AS online_l34_resolved,
  coalesce(d.online_l34_received_online, 0) AS online_l34_received_online,
  coalesce(d.online_l34_early, 0) AS online_l34_early, coalesce(d.online_l34_on_time, 0) AS online_l34_on_time,
  coalesce(d.online_l34_late, 0) AS online_l34_late, coalesce(d.five_on_spot_resolved, 0) AS five_on_spot_resolved,
  coalesce(d.five_on_spot_early, 0) AS five_on_spot_early, coalesce(d.five_on_spot_on_time, 0) AS five_on_spot_on_time,
  coalesce(d.five_on_spot_late, 0) AS five_on_spot_late,
  coalesce(s.survey_ballots, 0) AS survey_ballots,
  coalesce(s.survey_attitude_1, 0) AS survey_attitude_1, coalesce(s.survey_attitude_2, 0) AS survey_attitude_2,
  coalesce(s.survey_attitude_3, 0) AS survey_attitude_3, coalesce(s.survey_attitude_4, 0) AS survey_attitude_4,
  coalesce(s.survey_overall_1, 0) AS survey_overall_1, coalesce(s.survey_overall_2, 0) AS survey_overall_2,
  coalesce(s.survey_overall_3, 0) AS survey_overall_3, coalesce(s.survey_overall_4, 0) AS survey_overall_4
FROM months m
LEFT JOIN dossier_figures d ON d.pub = m.pub AND d.p_first = m.p_first
LEFT JOIN survey_figures s ON s.pub = m.pub AND s.p_first = m.p_first
ORDER BY publisher, period
