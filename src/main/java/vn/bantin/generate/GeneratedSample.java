package vn.bantin.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything a generated sample holds, in memory: what the extracts say, and the truth behind
 * them. Tests (and the job's end-to-end test) compute the expected figures from
 * {@link #finalStates}, {@link #catalogue} and {@link #ballots}, which are exactly what the
 * extracts say once the newest record of each dossier wins and the bad records are set aside.
 *
 * @param from first month of dossier activity (as resolved)
 * @param to last month
 * @param publisherCode the centre's MaNoiTiepNhan
 * @param bulletin the bulletin calibrated to, or null
 * @param agencies the agencies as the final {@code donvi} extract lists them
 * @param catalogue the catalogue versions as the final {@code thutuc} extract lists them (it
 *     repeats every version of the earlier one, closed where a successor started)
 * @param dossiers every dossier's true lifecycle, ordered by code
 * @param finalStates each dossier's state in the newest {@code hoso} extract that holds it,
 *     ordered by code (statuses 1 and 3 included)
 * @param ballots the good ballots (the centre's and a district desk's), ordered by id
 * @param extracts the files, in plan order, with their time windows
 * @param files the files with their record counts (and sizes, once written)
 * @param badRecords the deliberately bad records: file, line, expected quarantine reason
 * @param writtenTo the directory written to, or null when only built in memory
 */
public record GeneratedSample(
    GeneratorOptions options,
    YearMonth from,
    YearMonth to,
    String publisherCode,
    Bulletin bulletin,
    List<Agency> agencies,
    List<CatalogueVersion> catalogue,
    List<Dossier> dossiers,
    List<DossierState> finalStates,
    List<Ballot> ballots,
    List<PlannedExtract> extracts,
    List<WrittenFile> files,
    List<BadRecord> badRecords,
    Path writtenTo) {}
