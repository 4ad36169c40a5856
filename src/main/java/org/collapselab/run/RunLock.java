package org.collapselab.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run folder (the file {@code .lock} inside it), held for the whole run,
 * so that a second run or resume aimed at the same folder stops at once instead of interleaving
 * its rows with the first one's. The operating system releases it when the process dies, so a
 * killed run never leaves a stale lock.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path runDir) throws UsageException {
        Path file = runDir.resolve(".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException cannot) {
            throw new UsageException("cannot write in " + runDir + " ("
                + cannot.getClass().getSimpleName().replace("Exception", "") + "); choose "
                + "another --out or --results");
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new UsageException(runDir + " is in use by another collapse run; wait for "
                    + "it to finish or choose another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
            return new RunLock(channel, lock);
        } catch (IOException | java.nio.channels.OverlappingFileLockException busy) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
            throw new UsageException(runDir + " is in use by another collapse run; wait for it "
                + "to finish or choose another --out");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case.
        }
    }
}
