package vn.bantin.generate;

/**
 * A procedure of the modelled catalogue, the part that does not change between versions plus
 * its starting attributes. What a version holds on a given day is {@link Catalogue}'s business.
 *
 * @param deadlineDays the statutory deadline in working days (sets the due date)
 * @param baseLevel the online level (2, 3 or 4) at the start of the catalogue
 * @param fiveOnSpot NamTaiCho at the start of the catalogue
 * @param weight relative demand, for drawing the procedure of a dossier
 */
public record Procedure(String code, String name, String sectorCode, String sectorName,
    String departmentCode, int deadlineDays, int baseLevel, boolean fiveOnSpot, int weight) {}
