package vn.bantin.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bantin.cleaned.QuarantineReason;

/**
 * Records of a JSON Lines extract ({@code .jsonl}, {@code .json}): one JSON object per physical
 * line, streamed line by line so a file of a million dossiers never sits in memory.
 *
 * <p>Values become text as they came: a string as is (not trimmed), a number as its literal text
 * ({@code 2} stays {@code 2}, never {@code 2.0}), a boolean as {@code true}/{@code false}, a
 * nested list or object (e.g. {@code DanhSachHoSoBoSung}) as compact JSON text; {@code null} is
 * left out, like a missing field. An empty string stays an empty string: JSON tells it from a
 * missing field, and the raw layer keeps what came (cleaning reads both as "none").
 *
 * <p>A line that is not exactly one JSON object (including one naming a field twice, which
 * would leave its value ambiguous) is a {@code malformed_record}; a line with bytes that are not
 * UTF-8 is {@code undecodable_text}, with its fields if the line still parses. Blank lines are
 * skipped; a leading byte-order mark is dropped.
 */
final class JsonLinesReader {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Nested numbers keep their digits (1.50 stays 1.50, no exponent), as top-level ones do.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private static final String MALFORMED = QuarantineReason.MALFORMED_RECORD.code();
  private static final String UNDECODABLE = QuarantineReason.UNDECODABLE_TEXT.code();

  private JsonLinesReader() {}

  static void read(InputStream content, Consumer<SourceRecord> sink) throws IOException {
    Utf8TextReader text = new Utf8TextReader(content);
    char[] buf = new char[16 * 1024];
    StringBuilder line = new StringBuilder();
    long lineNo = 1;
    long consumed = 0; // characters of the text up to the end of the current line
    int n;
    while ((n = text.read(buf, 0, buf.length)) >= 0) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          line.append(buf, from, i - from);
          consumed += i - from + 1;
          emit(lineNo++, line, text.replacedBefore(consumed), sink);
          line.setLength(0);
          from = i + 1;
        }
      }
      line.append(buf, from, n - from);
      consumed += n - from;
    }
    if (line.length() > 0) {
      emit(lineNo, line, text.replacedBefore(Long.MAX_VALUE), sink);
    }
  }

  private static void emit(long lineNo, StringBuilder raw, boolean undecodable,
      Consumer<SourceRecord> sink) {
    int end = raw.length();
    if (end > 0 && raw.charAt(end - 1) == '\r') {
      end--;
    }
    String line = raw.substring(0, end);
    if (line.isBlank()) {
      return;
    }
    Map<String, String> fields;
    try {
      fields = parseObject(line);
    } catch (MalformedLine e) {
      sink.accept(SourceRecord.bad(lineNo, Map.of(), undecodable ? UNDECODABLE : MALFORMED,
          undecodable ? undecodableDetail() : e.getMessage()));
      return;
    }
    sink.accept(undecodable
        ? SourceRecord.bad(lineNo, fields, UNDECODABLE, undecodableDetail())
        : SourceRecord.ok(lineNo, fields));
  }

  private static String undecodableDetail() {
    return "the line holds bytes that are not valid UTF-8 (shown as U+FFFD)";
  }

  /** The fields of a line that must be exactly one JSON object. */
  static Map<String, String> parseObject(String line) throws MalformedLine {
    try (JsonParser p = JSON.createParser(line)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new MalformedLine("the line is " + describe(first) + ", not a JSON object");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (v) {
          case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, p.getText());
          case VALUE_TRUE -> fields.put(name, "true");
          case VALUE_FALSE -> fields.put(name, "false");
          case VALUE_NULL -> { } // null reads as a missing field
          case START_ARRAY, START_OBJECT -> {
            JsonNode nested = JSON.readTree(p);
            fields.put(name, JSON.writeValueAsString(nested));
          }
          default -> throw new MalformedLine("unexpected " + v + " after field '" + name + "'");
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new MalformedLine("the JSON object is not closed");
      }
      if (p.nextToken() != null) {
        throw new MalformedLine("the line holds more than one JSON value");
      }
      return Collections.unmodifiableMap(fields);
    } catch (JsonProcessingException e) {
      throw new MalformedLine("invalid JSON: "
          + ExtractReader.oneLine(withoutBareWord(e.getOriginalMessage())));
    } catch (IOException e) {
      // Parsing a String does no I/O; anything else is a parse failure all the same.
      throw new MalformedLine("invalid JSON: " + ExtractReader.oneLine(e.getMessage()));
    }
  }

  private static final Pattern BARE_WORD =
      Pattern.compile("^Unrecognized token '.*': was expecting", Pattern.DOTALL);

  /**
   * A parser message without the bare word Jackson quotes when a value lacks its quotes
   * ({@code Unrecognized token 'Nguyễn': was expecting ...}): that word is the line's data,
   * possibly the applicant's name, and the message goes to the quarantine table, which holds no
   * personal data. Other messages quote at most one character or a field name.
   */
  static String withoutBareWord(String message) {
    if (message == null || !message.startsWith("Unrecognized token")) {
      return message;
    }
    Matcher m = BARE_WORD.matcher(message);
    return m.find()
        ? "Unrecognized token (a bare word, not shown): was expecting" + message.substring(m.end())
        : "Unrecognized token (a bare word, not shown)";
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "empty";
    }
    return switch (t) {
      case START_ARRAY -> "a JSON array";
      case VALUE_STRING -> "a JSON string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
      case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
      case VALUE_NULL -> "JSON null";
      default -> "not JSON";
    };
  }

  /** A line that is not one JSON object; the message is the short reason. */
  static final class MalformedLine extends Exception {
    MalformedLine(String reason) {
      super(reason, null, false, false);
    }
  }
}
