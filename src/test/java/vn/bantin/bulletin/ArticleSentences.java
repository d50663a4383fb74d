package vn.bantin.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sentences of an article that carry a figure: those with a digit or a zero form
 * ("không có hồ sơ …", "Không có phiếu …"), in order, for comparing an article with the published
 * one. Only whitespace is normalised (the published text has double spaces, no-break spaces and
 * a leading space): every run of white space becomes one space and each sentence is trimmed.
 * Paragraphs are lines; a sentence ends at {@code .}, {@code !} or {@code ?} followed by
 * white space (so {@code 7.790} and {@code 81,9%} stay whole).
 */
public final class ArticleSentences {
  private static final Pattern WHITE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?]) (?=\\S)");
  private static final Pattern DIGIT = Pattern.compile("\\d");

  private ArticleSentences() {}

  /** Every sentence of {@code text} with a digit or a zero form, whitespace normalised. */
  public static List<String> withFigures(String text) {
    List<String> out = new ArrayList<>();
    for (String sentence : all(text)) {
      if (DIGIT.matcher(sentence).find()
          || sentence.toLowerCase(Locale.ROOT).contains("không có")) {
        out.add(sentence);
      }
    }
    return out;
  }

  /** Every sentence of {@code text}, whitespace normalised. */
  public static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String paragraph = WHITE.matcher(line).replaceAll(" ").strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      for (String sentence : SENTENCE_END.split(paragraph)) {
        out.add(sentence.strip());
      }
    }
    return out;
  }
}
