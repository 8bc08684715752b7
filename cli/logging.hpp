#pragma once

// Where oped's log lines go and how they look.

namespace oped::cli {

// Logs go to stderr; stdout carries results (JSON lines, summaries). Under
// systemd (JOURNAL_STREAM set) each line is "<N>message": the journal adds
// its own timestamp and reads the syslog priority N from the prefix, so
// neither the time nor the level is written twice. Elsewhere a line is
// "[time] [oped] [level] message", in colour on a terminal.
void configure_logging();

} // namespace oped::cli
