package vn.bantin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractFormat;
import vn.bantin.extract.ExtractReader;

/**
 * Rewrites every CSV/XLSX extract of a folder as {@code <stem>.jsonl} (same kind and extract
 * time), read with bantin's own reader; a record the reader finds bad becomes the invalid line
 * {@code {broken}. The original file is removed.
 */
public final class ToJsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToJsonLines() {}

  public static void convertFolder(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        ExtractFile f;
        try {
          f = ExtractFile.of(p.toString(), name);
        } catch (RuntimeException e) {
          continue;
        }
        if (f.format() == ExtractFormat.JSONL) {
          continue;
        }
        String stem = name.substring(0, name.indexOf('.'));
        Path out = folder.resolve(stem + ".jsonl");
        try (InputStream in = Files.newInputStream(p);
            BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          ExtractReader.read(f, in, r -> {
            try {
              w.write(r.problem() != null ? "{broken" : JSON.writeValueAsString(r.fields()));
              w.newLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
        Files.delete(p);
      }
    }
  }

  public static void main(String[] args) throws IOException {
    convertFolder(Path.of(args[0]));
  }
}
