package vn.bantin.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every logger that {@code bantin-log4j2.properties} quiets names a class on the classpath: a
 * logger is matched by name only, so a misspelt one quiets nothing and says nothing (Spark's
 * {@code MemoryStore} was named without its {@code memory} package, and a ten-year run kept
 * printing its warnings). A name whose last part is not capitalized is a package, left as is.
 */
class LocalLogConfigTest {
  @Test
  void everyQuietedLoggerNamedAsAClassNamesOneThatExists() throws Exception {
    Properties config = new Properties();
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("bantin-log4j2.properties")) {
      config.load(in);
    }
    List<String> classes = new ArrayList<>();
    for (String key : config.stringPropertyNames()) {
      if (key.startsWith("logger.") && key.endsWith(".name")) {
        String name = config.getProperty(key).strip();
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (Character.isUpperCase(last.charAt(0))) {
          classes.add(name);
        }
      }
    }
    assertFalse(classes.isEmpty());
    List<String> missing = new ArrayList<>();
    for (String name : classes) {
      try {
        Class.forName(name, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), "loggers naming no class: " + missing);
  }
}
