/* test_csv.c - the CSV dialect: quoting round trips, rows still being
 * written are not read, stderr escapes onto one line. */
#include <string.h>

#include "csv.h"
#include "scal_test.h"

static void test_field_quoting_round_trips(void)
{
    const char *fields[] = {"plain", "with,comma", "with \"quotes\"", "two\nlines", "", "0;1;2"};
    sr_buf_t line = {0};
    for (int i = 0; i < 6; i++) {
        if (i)
            sr_buf_puts(&line, ",");
        sr_csv_field(&line, fields[i]);
    }
    SCAL_CHECK(strcmp(sr_buf_str(&line),
                      "plain,\"with,comma\",\"with \"\"quotes\"\"\",\"two\nlines\",,0;1;2") == 0);
    sr_buf_t text = {0};
    sr_buf_puts(&text, "a,b,c,d,e,f\n");
    sr_buf_add(&text, line.data, line.len);
    sr_buf_puts(&text, "\n");
    sr_csv_t csv;
    SCAL_CHECK(sr_csv_parse(text.data, text.len, 1, &csv) == 0);
    SCAL_CHECK_EQ_U64(csv.nrows, 2);
    for (int i = 0; i < 6; i++)
        SCAL_CHECK(strcmp(sr_csv_get(&csv, 1, i), fields[i]) == 0);
    SCAL_CHECK(sr_csv_col(&csv, "d") == 3 && sr_csv_col(&csv, "z") == -1);
    SCAL_CHECK(strcmp(sr_csv_get(&csv, 1, 99), "") == 0);
    sr_csv_free(&csv);
    sr_buf_free(&line);
    sr_buf_free(&text);
}

static void test_incomplete_last_line(void)
{
    const char *text = "h1,h2\n1,2\n\n3,4\n5,";
    sr_csv_t csv;
    SCAL_CHECK(sr_csv_parse(text, strlen(text), 1, &csv) == 0);
    SCAL_CHECK_EQ_U64(csv.nrows, 3);   /* blank line skipped, "5," still being written */
    sr_csv_free(&csv);
    SCAL_CHECK(sr_csv_parse(text, strlen(text), 0, &csv) == 0);
    SCAL_CHECK_EQ_U64(csv.nrows, 4);
    SCAL_CHECK(strcmp(sr_csv_get(&csv, 3, 0), "5") == 0 && strcmp(sr_csv_get(&csv, 3, 1), "") == 0);
    sr_csv_free(&csv);
    SCAL_CHECK(sr_csv_parse("a\n\"open", 7, 0, &csv) == -1);
}

static void test_escape_line(void)
{
    sr_buf_t b = {0};
    const char s[] = "err: a\\b\n\tnext\r\x01";
    sr_csv_escape_line(&b, s, sizeof s - 1);
    SCAL_CHECK(strcmp(sr_buf_str(&b), "err: a\\\\b\\n\\tnext\\r\\x01") == 0);
    SCAL_CHECK(strchr(sr_buf_str(&b), '\n') == NULL);
    sr_buf_free(&b);
}

int main(void)
{
    SCAL_RUN(test_field_quoting_round_trips);
    SCAL_RUN(test_incomplete_last_line);
    SCAL_RUN(test_escape_line);
    return SCAL_TEST_END();
}
