package vn.bantin.bulletin;

import vn.bantin.metrics.Share;
import vn.bantin.metrics.Figure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A bulletin as JSON, in the shape and key order of {@code shared/spec/bulletins/*.json}:
 * {@code publisher}, {@code publisher_code}, {@code period}, {@code percent_style},
 * {@code unit_code} and {@code unit_name} (only for a unit's bulletin; the name when known),
 * {@code provisional} (true) and {@code data_as_of} (only for a provisional period), {@code figures} (all 31, in {@link Figure}
 * order) and {@code printed_percents} (the shares that print as a number, in {@link Share} order,
 * in Vietnamese notation). The reference files' {@code source} key describes where the file came
 * from and is not produced.
 *
 * <p>Two forms: {@link #compact} (one line, for JSON Lines) and {@link #pretty} (2-space indent,
 * {@code "key": value}, like the reference files). Neither ends with a line break; the writer of a
 * file adds it. Non-ASCII text is written as UTF-8, not escaped.
 */
public final class BulletinJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter COMPACT = MAPPER.writer();
  private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

  private BulletinJson() {}

  /** The bulletin on one line. */
  public static String compact(Bulletin bulletin) {
    return write(COMPACT, bulletin);
  }

  /** The bulletin indented like the reference files. */
  public static String pretty(Bulletin bulletin) {
    return write(PRETTY, bulletin);
  }

  /** JSON Lines: one compact bulletin per line, each line ending with {@code \n}. */
  public static String lines(List<Bulletin> bulletins) {
    StringBuilder out = new StringBuilder();
    for (Bulletin bulletin : bulletins) {
      out.append(compact(bulletin)).append('\n');
    }
    return out.toString();
  }

  /** The bulletin as a JSON tree, keys in the reference order. */
  public static ObjectNode tree(Bulletin bulletin) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("publisher", bulletin.publisher().name());
    root.put("publisher_code", bulletin.publisher().code());
    root.put("period", bulletin.period().label());
    root.put("percent_style", bulletin.publisher().percentStyle().id());
    bulletin.unitCode().ifPresent(unit -> root.put("unit_code", unit));
    bulletin.unitName().ifPresent(name -> root.put("unit_name", name));
    // Only a provisional period carries the keys: a final bulletin's JSON is as it always was.
    bulletin.provisionalAsOf().ifPresent(at -> {
      root.put("provisional", true);
      root.put("data_as_of", at.toString());
    });
    ObjectNode figures = root.putObject("figures");
    for (Figure figure : Figure.values()) {
      figures.put(figure.key(), bulletin.figure(figure));
    }
    ObjectNode percents = root.putObject("printed_percents");
    bulletin.printedPercents().forEach(
        (share, value) -> percents.put(share.key(), NumberNotation.VIETNAMESE.decimal(value)));
    return root;
  }

  private static String write(ObjectWriter writer, Bulletin bulletin) {
    try {
      return writer.writeValueAsString(tree(bulletin));
    } catch (JsonProcessingException e) {
      // A tree of strings and longs always serialises; this would be a bug, not bad input.
      throw new IllegalStateException(
          "Cannot write bulletin " + bulletin.period() + " of " + bulletin.publisher().code() + ": " + e, e);
    }
  }

  /** {@code "key": value}, 2 spaces, {@code \n} whatever the platform, {@code {}} when empty. */
  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
