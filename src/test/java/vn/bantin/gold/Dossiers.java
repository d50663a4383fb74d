package vn.bantin.gold;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.bantin.cleaned.BallotShape;
import vn.bantin.cleaned.DossierShape;
import vn.bantin.cleaned.ProcedureShape;

/** Tiny inline cleaned tables for gold tests: only the fields a test cares about are set. */
final class Dossiers {
  static final String CENTRE = "000.00.54.H54";
  private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final List<Row> dossiers = new ArrayList<>();
  private final List<Row> versions = new ArrayList<>();
  private final List<Row> ballots = new ArrayList<>();

  static LocalDateTime t(String yyyyMMddHHmmss) {
    return yyyyMMddHHmmss == null ? null : LocalDateTime.parse(yyyyMMddHHmmss, F);
  }

  /** A dossier under construction; {@link #add()} puts it in the table. */
  final class D {
    String id;
    String procedure = "1.000001";
    String department = "DEPT-A";
    String sector = "S1";
    String publisher = CENTRE;
    Integer channel = 1;
    Integer delivery = 0;
    int status = 4;
    String resultType;
    String accepted;
    String due;
    String ended;
    final List<Row> supplements = new ArrayList<>();

    D accepted(String at) {
      this.accepted = at;
      return this;
    }

    D due(String at) {
      this.due = at;
      return this;
    }

    /** Resolved with a result (status 9) at the given time. */
    D resolved(String at) {
      this.status = 9;
      this.ended = at;
      return this;
    }

    D status(int s) {
      this.status = s;
      return this;
    }

    D ended(String at) {
      this.ended = at;
      return this;
    }

    D resultType(String r) {
      this.resultType = r;
      return this;
    }

    D channel(Integer c) {
      this.channel = c;
      return this;
    }

    D delivery(Integer d) {
      this.delivery = d;
      return this;
    }

    D procedure(String p) {
      this.procedure = p;
      return this;
    }

    D department(String d) {
      this.department = d;
      return this;
    }

    D publisher(String p) {
      this.publisher = p;
      return this;
    }

    D supplement(String requested, String received, String dueBefore, String dueAfter) {
      supplements.add(RowFactory.create(supplements.size() + 1, t(requested), t(received),
          t(dueBefore), t(dueAfter)));
      return this;
    }

    Dossiers add() {
      dossiers.add(RowFactory.create(id, procedure, null, sector, null, department, publisher,
          channel, delivery, status, resultType, null, t(accepted), t(due), t(ended), null, null,
          new ArrayList<>(supplements)));
      return Dossiers.this;
    }
  }

  D dossier(String id) {
    D d = new D();
    d.id = id;
    return d;
  }

  Dossiers version(String code, String level, Boolean fiveOnSpot, String from, String to) {
    versions.add(RowFactory.create(code, null, "S1", null, "DEPT-A", level, fiveOnSpot,
        from == null ? null : java.time.LocalDate.parse(from),
        to == null ? null : java.time.LocalDate.parse(to)));
    return this;
  }

  Dossiers ballot(String id, String at, int attitude, int overall) {
    ballots.add(RowFactory.create(id, t(at), CENTRE, null, attitude, overall));
    return this;
  }

  Dataset<Row> dossiers(SparkSession spark) {
    return spark.createDataFrame(dossiers, DossierShape.SCHEMA);
  }

  Dataset<Row> versions(SparkSession spark) {
    return spark.createDataFrame(versions, ProcedureShape.SCHEMA);
  }

  Dataset<Row> ballots(SparkSession spark) {
    return spark.createDataFrame(ballots, BallotShape.SCHEMA);
  }

  GoldBuild.Tables4 compute(SparkSession spark) {
    return GoldBuild.compute(spark, dossiers(spark), versions(spark), ballots(spark));
  }
}
