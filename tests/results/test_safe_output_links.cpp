// The temporary output file cannot be hijacked, and files left by killed runs are tidied.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "fake_results.hpp"

using namespace bedflow;
namespace fs = std::filesystem;

namespace {

std::string content_of(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A folder of its own: the stale-file scan looks at every file beside the target.
fs::path fresh_folder(const std::string& name) {
  const fs::path folder = test::scratch_path(name);
  fs::create_directories(folder);
  return folder;
}

// The name this process's temporary file for `target` takes.
fs::path predicted_temporary(const fs::path& target) {
  std::string name(".");
  name.append(target.filename().string()).append(".").append(std::to_string(::getpid()));
  name.append(".partial");
  return target.parent_path() / name;
}

// The pid of a process that has ended (and been reaped).
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("a symbolic link planted at the temporary name is never written through") {
  const auto folder = fresh_folder("planted_link");
  const auto victim = folder / "victim.txt";
  std::ofstream(victim) << "precious";
  const auto target = folder / "out.h5";
  fs::create_symlink(victim, predicted_temporary(target));
  {
    results::SafeOutputFile output(target.string(), false);
    REQUIRE_FALSE(fs::is_symlink(fs::symlink_status(output.temporary_path())));
    std::ofstream(output.temporary_path()) << "results";
    output.commit();
  }
  REQUIRE(content_of(victim) == "precious");
  REQUIRE_FALSE(fs::is_symlink(fs::symlink_status(target)));
  REQUIRE(content_of(target) == "results");
}

TEST_CASE("a dangling link planted at the temporary name creates nothing where it points") {
  const auto folder = fresh_folder("planted_dangling_link");
  const auto elsewhere = folder / "elsewhere.txt";
  const auto target = folder / "out.h5";
  fs::create_symlink(elsewhere, predicted_temporary(target));
  {
    results::SafeOutputFile output(target.string(), false);
    std::ofstream(output.temporary_path()) << "results";
  }  // abandoned: nothing committed
  REQUIRE_FALSE(fs::exists(fs::symlink_status(elsewhere)));
  REQUIRE_FALSE(fs::exists(fs::symlink_status(target)));
}

TEST_CASE("a dangling symbolic link at the target is not replaced without --force") {
  const auto folder = fresh_folder("dangling_target");
  const auto target = folder / "out.h5";
  const auto pointed = folder / "missing.h5";
  fs::create_symlink(pointed, target);
  REQUIRE_THROWS_WITH(results::SafeOutputFile(target.string(), false),
                      Catch::Contains("already exists") && Catch::Contains("--force"));
  REQUIRE(fs::is_symlink(fs::symlink_status(target)));
  {
    results::SafeOutputFile output(target.string(), true);
    std::ofstream(output.temporary_path()) << "results";
    output.commit();
  }
  // The link itself is replaced by the file; nothing appears where it pointed.
  REQUIRE_FALSE(fs::is_symlink(fs::symlink_status(target)));
  REQUIRE_FALSE(fs::exists(fs::symlink_status(pointed)));
}

TEST_CASE("a temporary file swapped for another while being written is not moved into place") {
  const auto folder = fresh_folder("swapped_temporary");
  const auto target = folder / "out.h5";
  results::SafeOutputFile output(target.string(), false);
  // Moved aside (not removed, so the substitute cannot reuse its inode number).
  fs::rename(output.temporary_path(), folder / "original");
  std::ofstream(output.temporary_path()) << "substitute";
  REQUIRE_THROWS_WITH(output.commit(), Catch::Contains("replaced"));
  REQUIRE_FALSE(fs::exists(target));
}

TEST_CASE("a temporary file left by a process that has ended is removed and reported") {
  const auto folder = fresh_folder("stale_dead");
  const auto target = folder / "out.h5";
  const pid_t gone = dead_pid();
  const auto stale = folder / std::string(".out.h5.").append(std::to_string(gone)).append(".partial");
  std::ofstream(stale) << "";
  const auto unrelated =
      folder / std::string(".other.h5.").append(std::to_string(gone)).append(".partial");
  std::ofstream(unrelated) << "";
  results::SafeOutputFile output(target.string(), false);
  REQUIRE_FALSE(fs::exists(stale));
  REQUIRE(fs::exists(unrelated));  // another target's: not ours to judge
  REQUIRE(output.notes().size() == 1);
  REQUIRE_THAT(output.notes().front(), Catch::Contains("removed") &&
                                           Catch::Contains(std::to_string(gone)));
}

TEST_CASE("a temporary file of a process still running is reported and kept") {
  const auto folder = fresh_folder("stale_alive");
  const auto target = folder / "out.h5";
  const pid_t parent = ::getppid();
  const auto in_use =
      folder / std::string(".out.h5.").append(std::to_string(parent)).append(".partial");
  std::ofstream(in_use) << "";
  results::SafeOutputFile output(target.string(), false);
  REQUIRE(fs::exists(in_use));
  REQUIRE(output.notes().size() == 1);
  REQUIRE_THAT(output.notes().front(), Catch::Contains("being written by process " +
                                                       std::to_string(parent)));
}
