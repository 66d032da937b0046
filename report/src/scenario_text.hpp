#pragma once
// What a scenario file says in its comments: the opening block (question and sources) and
// the `# ...` comment trailing each value.
//
// Invariants:
//  - opening_comment() is the run of comment lines at the top of the file (blank lines
//    before it skipped), without the leading "# "; empty when the file opens with a key.
//  - question() is the text after "Question:" in that block up to the next blank comment
//    line or "Label:" line, joined into one paragraph; empty when there is none.
//  - trailing_comments() maps a key path ("services.acute.capacity",
//    "services.acute.escalation[0]") to the comment on the line that sets it. Paths follow
//    block-style indentation; lines continuing a flow value are skipped.
#include <map>
#include <string>

namespace bedflow::report {

std::string opening_comment(const std::string& yaml_text);
std::string question(const std::string& opening);
std::map<std::string, std::string> trailing_comments(const std::string& yaml_text);
// Comments of `path` and everything below it, joined with "; ".
std::string comments_under(const std::map<std::string, std::string>& comments,
                           const std::string& path);

}  // namespace bedflow::report
