/** A progress bar on stderr while many files are checked; silent when stderr is not a terminal. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function createProgress(total: number, enabled: boolean, stream = process.stderr): Progress {
  const active = enabled && total > 1 && stream.isTTY === true;
  let count = 0;
  return {
    tick(label) {
      count += 1;
      if (!active) return;
      const width = 30;
      const filled = Math.round((count / total) * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${label.slice(0, 40)}\u001b[K`,
      );
    },
    done() {
      if (active) stream.write('\n');
    },
  };
}
