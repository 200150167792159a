//! The hunks by hand; Python's tests compare them with `unified.hunks` and difflib's.

use super::{hunks, lines, Touch};

fn touch(line: i64, breaks_before: i64, breaks_after: i64) -> Touch {
    Touch {
        line,
        breaks_before,
        breaks_after,
    }
}

#[test]
fn lines_split_at_line_feeds_only_and_keep_them() {
    assert_eq!(lines("a\nb\r\nc"), ["a\n", "b\r\n", "c"]);
    assert_eq!(lines("a\n"), ["a\n"]);
    assert!(lines("").is_empty());
}

#[test]
fn a_changed_line_comes_with_three_lines_of_context() {
    let original = "1\n2\n3\n4 thepress\n5\n6\n7\n8\n";
    let cleaned = "1\n2\n3\n4 the press\n5\n6\n7\n8\n";
    let written = hunks(original, cleaned, (0, 0), &[touch(4, 0, 0)]);
    let expected = "@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4 thepress\n+4 the press\n 5\n 6\n 7\n";
    assert_eq!(written.as_deref(), Some(expected));
}

#[test]
fn lines_before_the_piece_move_the_ranges_on() {
    let written = hunks("a\nb", "a\nc", (10, 12), &[touch(2, 0, 0)]);
    let expected = "@@ -11,2 +13,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n";
    assert_eq!(written.as_deref(), Some(expected));
}

#[test]
fn a_removed_line_break_joins_two_lines_in_one_block() {
    let written = hunks(
        "one\ntwo\nthree\n",
        "one two\nthree\n",
        (0, 0),
        &[touch(1, 1, 0)],
    );
    let expected = "@@ -1,3 +1,2 @@\n-one\n-two\n+one two\n three\n";
    assert_eq!(written.as_deref(), Some(expected));
}

#[test]
fn fixes_that_do_not_account_for_the_lines_leave_it_to_python() {
    assert_eq!(hunks("a\nb\n", "a\nc\n", (0, 0), &[]), None);
    assert_eq!(hunks("a\nb\n", "a\nc\n", (0, 0), &[touch(1, 0, 0)]), None);
    // a break added that the output does not hold
    assert_eq!(
        hunks("a\nb\nc\n", "a\nb\nc\n", (0, 0), &[touch(1, 0, 1)]),
        None
    );
}
