package vn.bantin.generate;

import vn.bantin.extract.ExtractKind;

/**
 * One extract file of a sample.
 *
 * @param records the records (lines or rows, bad ones included) it holds
 * @param bytes its size on disk; 0 when the sample was only built in memory
 */
public record WrittenFile(String fileName, ExtractKind kind, int records, long bytes) {}
