#pragma once
// An output directory that appears complete or not at all, and that is never anybody else's.
//
// * Ownership: the final path must be absent, empty, or a previous output of ours (it holds
//   the marker file, e.g. run.json, whose text contains the marker). Anything else is refused:
//   replacing it would delete the user's files.
// * Protected paths: the output may not be one of them, nor contain one (an input file, or
//   the folder of one): replacing the output would delete the inputs.
// * Crash safety: everything is written into a hidden sibling staging directory; commit()
//   swaps it with the final path in one renameat2(RENAME_EXCHANGE), so at every instant the
//   path holds either the complete old output or the complete new one. Where the file system
//   cannot exchange, two renames are used and a crash between them is repaired by the next
//   run (the old output is put back and named).
// * Leftovers of an interrupted run (staging folders, a swapped-out old output) are cleaned,
//   or restored when the final path is missing, by the next run on the same path; each action
//   is reported in notes().
// * One run per output folder: the folder's OutputLock (output_lock.hpp), taken here unless the
//   caller already holds it (claim_output_folder, for the whole run); a second run is refused
//   at once and told who holds the folder.
// * Runs writing into the same parent folder take turns: an advisory lock on the parent folder
//   itself (no lock file is created); a run waits up to a minute, then fails with a message.
#include <optional>
#include <string>
#include <vector>

#include "geo/io/output_lock.hpp"

namespace apreptis::geo {

struct StagedDirectoryOptions {
    std::string marker_file = "run.json";      ///< present in every complete output of ours
    std::string marker_text = "\"apreptis\"";  ///< ... and containing this text
    std::vector<std::string> protected_paths;  ///< inputs: files or folders the output must not replace
};

class StagedDirectory {
public:
    explicit StagedDirectory(std::string final_path, StagedDirectoryOptions options = {});
    ~StagedDirectory();
    StagedDirectory(const StagedDirectory&) = delete;
    StagedDirectory& operator=(const StagedDirectory&) = delete;

    /// Where to write now.
    const std::string& staging_path() const { return m_staging; }
    const std::string& final_path() const { return m_final; }
    /// What was found and done about leftovers of earlier runs (for the CLI to print).
    const std::vector<std::string>& notes() const { return m_notes; }
    /// Replaces final_path with the staged contents. Throws IoError; on failure the previous
    /// output is still at final_path.
    void commit();

private:
    void recover_leftovers();

    std::string m_final;
    std::string m_staging;
    std::string m_swapped_out; ///< where the old output goes during the fallback swap
    std::vector<std::string> m_notes;
    StagedDirectoryOptions m_options;
    int m_lock_fd = -1;
    bool m_committed = false;
    std::optional<OutputLock> m_output_lock; ///< when the caller holds none; released last
};

/// The checks the constructor makes before it touches anything (ownership, protected paths),
/// for callers that want to refuse a bad --out before a long computation. Throws IoError.
void check_output_folder(const std::string& final_path, const StagedDirectoryOptions& options);

/// check_output_folder, then the folder's lock, for a command to hold from before its
/// analysis to after its commit: a second run on the same folder is refused at once instead of
/// both running and the last one winning. Throws IoError.
OutputLock claim_output_folder(const std::string& final_path, const StagedDirectoryOptions& options);

/// `text` with every live staging folder of this process replaced by the output it becomes:
/// a writer's error names /x/out/coverage.gpkg, not /x/.out.partial-123/coverage.gpkg.
std::string output_names(std::string text);

/// True when `dir` holds a complete output of ours by `options`' marker.
bool is_our_output(const std::string& dir, const StagedDirectoryOptions& options);

} // namespace apreptis::geo
