package dev.hyp.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV file into a {@link RawTable} in one streaming pass, for a {@link DataPlan}: only the
 * columns it chooses are kept; a row whose label is missing, or whose cell is missing in a
 * `missing = drop` column, is left out and counted. The file rules (line endings, quotes, a byte
 * order mark, ragged rows, UTF-8) and their messages are {@link CsvLoader}'s; classes are ordered
 * as there.
 */
public final class TableReader {
  private TableReader() {}

  /** Reads a training file: the classes are the ones found in it (at least two). */
  public static RawTable read(CsvSource source, Task task, DataPlan plan) {
    return read(source, task, plan, null, null);
  }

  /** Reads a separate test file for {@code train}: the same feature columns, only the training file's classes. */
  public static RawTable readTest(CsvSource source, DataPlan plan, RawTable train) {
    return read(source, train.task(), plan, train.columnNames(), train.classes());
  }

  /** Reads at most {@code rows} data rows (for `hyp check`): the classes are not checked. */
  public static RawTable sample(CsvSource source, Task task, DataPlan plan, int rows) {
    return new Reading(source, task, plan, null, null, rows).run();
  }

  private static RawTable read(CsvSource source, Task task, DataPlan plan, List<String> columns, List<String> classes) {
    return read(source, task, plan, columns, classes, PARALLEL_FROM);
  }

  /** A file of at least this many bytes is read in two parts at once (when there are two cores). */
  static final long PARALLEL_FROM = 16L << 20;

  /** A reading estimates its rows from the file's size once it has read this many ({@code Reading.reserve}). */
  static final int ESTIMATE_FROM = 4096;

  /** One estimate reserves at most this many times the rows read so far. */
  static final int RESERVE_STEP = 64;

  /** How many later parts were joined (for tests: that a file was read in two parts). */
  static final java.util.concurrent.atomic.AtomicInteger PARTS_TAKEN = new java.util.concurrent.atomic.AtomicInteger();

  /** Reads a training file, in two parts at once when it has at least {@code parallelFrom} bytes. */
  static RawTable read(CsvSource source, Task task, DataPlan plan, long parallelFrom) {
    return read(source, task, plan, null, null, parallelFrom);
  }

  private static RawTable read(CsvSource source, Task task, DataPlan plan, List<String> columns, List<String> classes,
      long parallelFrom) {
    Reading reading = new Reading(source, task, plan, columns, classes, Integer.MAX_VALUE);
    reading.parallelFrom = Runtime.getRuntime().availableProcessors() > 1 ? parallelFrom : Long.MAX_VALUE;
    return reading.run();
  }

  /**
   * Reads every column of a file as a feature (for `hyp inspect` without a label); the label of
   * the table returned is null, with no labels.
   */
  public static RawTable readAll(java.nio.file.Path file, boolean header, String delimiter) {
    Reading reading = new Reading(new CsvSource(file, "", header, delimiter), Task.CLASSIFICATION, DataPlan.DEFAULT,
        null, null, Integer.MAX_VALUE);
    reading.noLabel = true;
    return reading.run();
  }

  /** The columns of a header that {@code plan} makes features, in the order it names them. */
  static List<String> chosen(Path path, int headerRow, List<String> names, String label, DataPlan plan) {
    for (String name : plan.drop()) {
      if (!names.contains(name)) {
        throw new DataException(path, headerRow, name,
            "`drop` names no such column; the columns are " + ColumnNames.listed(names));
      }
    }
    List<String> chosen = new ArrayList<>();
    if (plan.features() != null) {
      for (String name : plan.features()) {
        if (!names.contains(name)) {
          throw new DataException(path, headerRow, name,
              "`features` names no such column; the columns are " + ColumnNames.listed(names));
        }
        if (name.equals(label)) {
          throw new DataException(path, headerRow, name, "the label cannot also be a feature; leave it out of `features`");
        }
        if (!plan.drop().contains(name) && !chosen.contains(name)) {
          chosen.add(name);
        }
      }
    } else {
      for (String name : names) {
        if (!name.equals(label) && !plan.drop().contains(name)) {
          chosen.add(name);
        }
      }
    }
    for (String name : plan.columns().keySet()) {
      if (!names.contains(name)) {
        throw new DataException(path, headerRow, name, "`column(\"" + name + "\")` names no such column; the columns are "
            + ColumnNames.listed(names));
      }
    }
    if (chosen.isEmpty()) {
      throw new DataException(path, headerRow, null, "no feature columns are left (`features` and `drop` leave none)");
    }
    return chosen;
  }

  private static final class Reading {
    private final CsvSource source;
    private final Path path;
    private final Task task;
    private final DataPlan plan;
    private final List<String> expectedColumns;
    private final List<String> classes;
    private final int limit;
    private int labelColumn = -1;
    private int[] featureColumns;
    private boolean[] dropWhenMissing;
    private List<RawColumn> columns;
    private final ByteLevels labelCodes = new ByteLevels();
    private final List<String> labelLevels = labelCodes.levels();
    private double[] labels = new double[256];
    private int[] rows = new int[256];
    private int size;
    private int droppedNoLabel;
    private int droppedMissing;
    private boolean noLabel;
    private long parallelFrom = Long.MAX_VALUE;
    private List<ColumnChunk> chunks; // a later part's reading keeps its cells here, not in columns
    private volatile boolean cancelled;
    private long dataStart; // the file offset of this reading's first data row
    private long fileBytes;
    private int reserved; // the rows the columns have room for; the estimate is made again there

    Reading(CsvSource source, Task task, DataPlan plan, List<String> expectedColumns, List<String> classes, int limit) {
      this.source = source;
      this.path = source.path();
      this.task = task;
      this.plan = plan;
      this.expectedColumns = expectedColumns;
      this.classes = classes;
      this.limit = limit;
      this.reserved = limit == Integer.MAX_VALUE ? ESTIMATE_FROM : Integer.MAX_VALUE; // a sample stops early
    }

    RawTable run() {
      if (!Files.isRegularFile(path)) {
        throw new DataException(path, 0, null, Files.isDirectory(path) ? "a directory, not a CSV file"
            : Files.exists(path) ? "not a regular file" : "no such file");
      }
      List<String> names = null;
      int width = -1;
      int row = 0;
      Part later = null;
      long end = -1; // where the record before the current one ended
      try (CsvScanner scanner = new CsvScanner(path, source.delimiter())) {
        fileBytes = Files.size(path);
        while (scanner.next()) {
          row = scanner.record();
          long previousEnd = end;
          end = scanner.recordEnd();
          if (names == null) {
            width = scanner.size();
            names = header(scanner);
            later = later(scanner.recordOffset(), width);
            dataStart = source.header() ? end : scanner.recordOffset();
            if (source.header()) {
              continue;
            }
          }
          if (later != null && scanner.recordOffset() >= later.start) {
            if (previousEnd < later.start && take(later, scanner)) {
              break; // this record and the rest were read by the other part
            }
            later.reading.cancelled = true;
            later = null; // read on here, as without it
          }
          if (size >= limit) {
            break;
          }
          if (scanner.size() != width) {
            throw new DataException(path, row, null, "has " + scanner.size() + " cells, but the "
                + (source.header() ? "header" : "first row") + " has " + width);
          }
          add(scanner, row);
        }
      } catch (NoSuchFileException e) {
        throw new DataException(path, 0, null, "no such file");
      } catch (CsvScanner.NotUtf8 e) {
        throw CsvLoader.notUtf8(path);
      } catch (CsvScanner.Malformed e) {
        throw new DataException(path, row + 1, null, "malformed CSV: " + e.getMessage());
      } catch (IOException e) {
        throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
      } finally {
        if (later != null) {
          later.reading.cancelled = true;
        }
      }
      if (names == null) {
        throw new DataException(path, 0, null, "the file is empty");
      }
      if (size == 0) {
        throw new DataException(path, 0, null, droppedNoLabel + droppedMissing == 0
            ? "the file has a header but no data rows" : "every row was left out: " + dropped());
      }
      columns.forEach(RawColumn::trim);
      if (noLabel) {
        return new RawTable(path, null, columns, new double[size], null, Arrays.copyOf(rows, size), 0, 0);
      }
      return new RawTable(path, names.get(labelColumn), columns, labels(), classes(), Arrays.copyOf(rows, size),
          droppedNoLabel, droppedMissing);
    }

    private String dropped() {
      List<String> parts = new ArrayList<>();
      if (droppedNoLabel > 0) {
        parts.add(droppedNoLabel + " had no label");
      }
      if (droppedMissing > 0) {
        parts.add(droppedMissing + " had an empty cell in a `missing = drop` column");
      }
      return String.join(", ", parts);
    }

    private List<String> header(CsvScanner record) {
      int width = record.size();
      List<String> names = new ArrayList<>(width);
      if (source.header()) {
        for (int c = 0; c < width; c++) {
          String name = record.text(c);
          names.add(c == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
          if (!seen.add(name)) {
            throw new DataException(path, 1, name, "the header names this column twice");
          }
        }
      } else {
        for (int c = 1; c <= width; c++) {
          names.add(Integer.toString(c));
        }
      }
      int headerRow = source.header() ? 1 : 0;
      if (noLabel) {
        columns = new ArrayList<>();
        featureColumns = new int[width];
        dropWhenMissing = new boolean[width];
        for (int c = 0; c < width; c++) {
          featureColumns[c] = c;
          columns.add(new RawColumn(names.get(c), false));
        }
        return names;
      }
      labelColumn = names.indexOf(source.label());
      if (labelColumn < 0) {
        throw new DataException(path, headerRow, source.label(),
            "no such column; the columns are " + ColumnNames.listed(names));
      }
      if (width < 2) {
        throw new DataException(path, headerRow, null, "only the label column; there are no feature columns");
      }
      List<String> chosen = expectedColumns != null ? expectedColumns
          : chosen(path, headerRow, names, source.label(), plan);
      if (expectedColumns != null && !names.containsAll(expectedColumns)) {
        List<String> absent = new ArrayList<>(expectedColumns);
        absent.removeAll(names);
        throw new DataException(path, headerRow, null, "the feature columns " + absent
            + " of the training file are not in this file's header " + names);
      }
      featureColumns = new int[chosen.size()];
      dropWhenMissing = new boolean[chosen.size()];
      columns = new ArrayList<>(chosen.size());
      for (int j = 0; j < chosen.size(); j++) {
        String name = chosen.get(j);
        featureColumns[j] = names.indexOf(name);
        dropWhenMissing[j] = plan.missingOf(name) == Missing.DROP;
        columns.add(new RawColumn(name, plan.kindOf(name) == ColumnKind.CATEGORY));
      }
      return names;
    }

    private void add(CsvScanner record, int row) {
      if (noLabel) {
        if (size == reserved) {
          reserve(record.recordEnd());
        }
        if (size == rows.length) {
          rows = Arrays.copyOf(rows, size + (size >> 1));
        }
        rows[size++] = row;
        addFeatures(record, row);
        return;
      }
      if (record.isMissing(labelColumn)) {
        droppedNoLabel++;
        return;
      }
      for (int j = 0; j < featureColumns.length; j++) {
        if (dropWhenMissing[j] && record.isMissing(featureColumns[j])) {
          droppedMissing++;
          return;
        }
      }
      if (size == reserved) {
        reserve(record.recordEnd());
      }
      if (size == labels.length) {
        labels = Arrays.copyOf(labels, size + (size >> 1));
        rows = Arrays.copyOf(rows, size + (size >> 1));
      }
      byte[] bytes = record.bytes(labelColumn);
      int from = record.start(labelColumn);
      int to = record.end(labelColumn);
      if (task == Task.CLASSIFICATION) {
        labels[size] = labelCodes.code(bytes, from, to);
      } else {
        double value = DecimalParser.fast(bytes, from, to);
        if (value != value) { // not a plain decimal: parsed, or refused with its message, as text
          try {
            value = Cells.number(source.label(), record.text(labelColumn));
          } catch (CellException e) {
            throw e.at(path, row);
          }
        }
        labels[size] = value;
      }
      rows[size] = row;
      addFeatures(record, row);
      size++;
    }

    /**
     * Gives every column (and the labels and row numbers) room for the rows this reading will likely
     * keep, estimated from the bytes read so far ({@code readTo}) and those left to the end of the
     * file, 2% more: the arrays are copied about once, not at every growth by half (issue 19: the
     * serial collector copied each step of a 200 MB file's growing arrays). The first part of a file
     * read in two makes room for the whole, so joining the later part copies none of its arrays. An
     * estimate that falls short is made again when the rows reach it; one step is at most {@value
     * #RESERVE_STEP} times the rows read (short first rows then cost little), and room left unused
     * at the end is given back ({@link RawColumn#trim}).
     */
    private void reserve(long readTo) {
      double rowsPerByte = (double) size / Math.max(1, readTo - dataStart);
      double estimate = rowsPerByte * Math.max(0, fileBytes - dataStart) * 1.02 + 256;
      estimate = Math.min(estimate, (double) RESERVE_STEP * size);
      reserved = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(estimate, size + (size >> 3) + 256.0));
      if (chunks != null) {
        chunks.forEach(chunk -> chunk.reserve(reserved));
      } else if (columns != null) {
        columns.forEach(column -> column.reserve(reserved));
      }
      if (rows.length < reserved) {
        rows = Arrays.copyOf(rows, reserved);
      }
      if (!noLabel && labels.length < reserved) {
        labels = Arrays.copyOf(labels, reserved);
      }
    }

    private void addFeatures(CsvScanner record, int row) {
      for (int j = 0; j < featureColumns.length; j++) {
        int c = featureColumns[j];
        if (chunks != null) {
          chunks.get(j).add(record.bytes(c), record.start(c), record.end(c));
        } else {
          columns.get(j).add(record.bytes(c), record.start(c), record.end(c), row);
        }
      }
    }

    /** The second half of the file, from a line end, being read on another thread; null for a small file. */
    private Part later(long headerOffset, int width) throws IOException {
      long bytes = Files.size(path);
      if (noLabel || limit != Integer.MAX_VALUE || bytes < parallelFrom) {
        return null;
      }
      long start = lineAfter(headerOffset + (bytes - headerOffset) / 2);
      if (start < 0 || start >= bytes) {
        return null;
      }
      Reading reading = new Reading(source, task, plan, expectedColumns, classes, limit);
      reading.dataStart = start;
      reading.fileBytes = bytes;
      reading.labelColumn = labelColumn;
      reading.featureColumns = featureColumns;
      reading.dropWhenMissing = dropWhenMissing;
      reading.chunks = new ArrayList<>();
      for (RawColumn column : columns) {
        reading.chunks.add(new ColumnChunk(column.keepsLevels()));
      }
      Part part = new Part(start, reading, width);
      part.thread.start();
      return part;
    }

    /** The offset after the first line end at or after {@code offset}, or -1 when none is near. */
    private long lineAfter(long offset) throws IOException {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
        java.nio.ByteBuffer window = java.nio.ByteBuffer.allocate(1 << 20);
        channel.read(window, offset);
        for (int i = 0; i < window.position(); i++) {
          byte b = window.get(i);
          if (b == '\n' || b == '\r') {
            return offset + i + 1;
          }
        }
        return -1;
      }
    }

    /**
     * Takes the later part's rows after this one's, which read the records before {@code
     * scanner}'s current one (the first from the part's start; the caller checked that the record
     * before it ended before the part's start, so the part did not start inside quotes): true
     * when they are as this reading would have read them. False when the part failed (bad data:
     * this reading meets it and says so as without the part) or a column's codes cannot be
     * joined; nothing is changed then.
     */
    private boolean take(Part part, CsvScanner scanner) {
      try {
        part.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        part.reading.cancelled = true;
        return false;
      }
      Reading later = part.reading;
      if (!part.done) {
        return false;
      }
      for (int j = 0; j < columns.size(); j++) {
        if (!columns.get(j).canAppend(later.chunks.get(j))) {
          return false;
        }
      }
      int rowOffset = scanner.record() - 1;
      int[] laterRows = Arrays.copyOf(later.rows, later.size);
      for (int j = 0; j < columns.size(); j++) {
        columns.get(j).append(later.chunks.get(j), laterRows, rowOffset);
      }
      int[] classOf = new int[later.labelLevels.size()];
      for (int code = 0; code < classOf.length; code++) { // in the later part's order of first appearance
        classOf[code] = labelCodes.code(later.labelLevels.get(code));
      }
      if (labels.length < size + later.size) { // else this part made room for the whole file
        labels = Arrays.copyOf(labels, size + later.size);
        rows = Arrays.copyOf(rows, size + later.size);
      }
      for (int i = 0; i < later.size; i++) {
        labels[size + i] = task == Task.CLASSIFICATION ? classOf[(int) later.labels[i]] : later.labels[i];
        rows[size + i] = later.rows[i] + rowOffset;
      }
      size += later.size;
      droppedNoLabel += later.droppedNoLabel;
      droppedMissing += later.droppedMissing;
      PARTS_TAKEN.incrementAndGet();
      return true;
    }

    private List<String> classes() {
      if (task != Task.CLASSIFICATION) {
        return null;
      }
      if (classes != null) {
        return classes;
      }
      Set<String> found = new TreeSet<>(CsvLoader.classOrder(labelLevels));
      found.addAll(labelLevels);
      if (found.size() < 2 && limit == Integer.MAX_VALUE) {
        throw new DataException(path, 0, source.label(), "the label has a single class `" + found.iterator().next()
            + "`" + (droppedNoLabel == 1 ? " once the row without a label is left out"
                : droppedNoLabel > 1 ? " once the " + droppedNoLabel + " rows without a label are left out" : "")
            + "; classification needs at least two");
      }
      return List.copyOf(found);
    }

    private double[] labels() {
      double[] out = Arrays.copyOf(labels, size);
      if (task != Task.CLASSIFICATION) {
        return out;
      }
      List<String> order = classes();
      int[] remap = new int[labelLevels.size()];
      for (int code = 0; code < remap.length; code++) {
        remap[code] = order.indexOf(labelLevels.get(code));
      }
      for (int i = 0; i < size; i++) {
        int k = remap[(int) out[i]];
        if (k < 0) {
          throw new DataException(path, rows[i], source.label(), "class `" + labelLevels.get((int) out[i])
              + "` does not occur in the training data " + classes);
        }
        out[i] = k;
      }
      return out;
    }

    /** The later part of a file: its reading on its own thread, from {@code start} to the end. */
    private static final class Part {
      final long start;
      final Reading reading;
      final Thread thread;
      volatile boolean done; // read to the end without a failure

      Part(long start, Reading reading, int width) {
        this.start = start;
        this.reading = reading;
        this.thread = new Thread(() -> {
          try (CsvScanner scanner = new CsvScanner(reading.path, reading.source.delimiter(), start)) {
            while (!reading.cancelled && scanner.next()) {
              if (scanner.size() != width) {
                return; // a ragged row: the first reading meets it and says so
              }
              reading.add(scanner, scanner.record());
            }
            done = !reading.cancelled;
          } catch (IOException | RuntimeException e) {
            // bad data or an unreadable part: the first reading reads it itself and reports it
          }
        }, "hyp-csv-later-part");
        thread.setDaemon(true);
      }
    }
  }
}
