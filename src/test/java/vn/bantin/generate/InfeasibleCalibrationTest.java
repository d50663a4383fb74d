package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A bulletin no set of dossiers can produce fails with a message naming the figures. */
class InfeasibleCalibrationTest {

  private static Path edited(Path dir, String from, String to) throws IOException {
    String json = Files.readString(Samples.thaiBinh());
    assertTrue(json.contains(from), from);
    Path file = dir.resolve("edited.json");
    Files.writeString(file, json.replace(from, to));
    return file;
  }

  @Test
  void moreReceivedOnlineThanResolvedOnline(@TempDir Path dir) throws IOException {
    Path file = edited(dir, "\"online_l34_received_online\": 1634",
        "\"online_l34_received_online\": 2657");
    CalibrationException e = assertThrows(CalibrationException.class, () ->
        SampleGenerator.build(GeneratorOptions.defaults(null).withCalibration(file)));
    assertTrue(e.getMessage().contains(
        "online_l34_received_online (2657) exceeds online_l34_resolved (2656)"), e.getMessage());
  }

  @Test
  void partsThatDoNotAddUp(@TempDir Path dir) throws IOException {
    Path file = edited(dir, "\"pending_overdue\": 0", "\"pending_overdue\": 5");
    CalibrationException e = assertThrows(CalibrationException.class, () ->
        SampleGenerator.build(GeneratorOptions.defaults(null).withCalibration(file)));
    assertTrue(e.getMessage().contains("pending (1428) is not pending_not_due"
        + " + pending_awaiting_supplement + pending_overdue (1433)"), e.getMessage());
  }

  @Test
  void theCommandSaysSoInOneLine(@TempDir Path dir) throws IOException {
    Path file = edited(dir, "\"postal\": 951", "\"postal\": 7000");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("--out", dir.resolve("out").toString(), "--calibrate",
        file.toString());
    assertEquals(2, code);
    String msg = err.toString().strip();
    assertEquals(1, msg.lines().count(), msg);
    assertTrue(msg.contains("postal (7000) exceeds resolved (6225)"), msg);
  }
}
