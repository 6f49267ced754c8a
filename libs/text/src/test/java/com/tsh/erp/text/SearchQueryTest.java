package com.tsh.erp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchQueryTest {

    @Test
    void everyWordOnceInTheNormalForm() {
        assertEquals(List.of("fast", "charger"), SearchQuery.parse("  Fast   CHARGER fast ").words());
        assertEquals(List.of("شاحن", "fast"), SearchQuery.parse("شاحن fast").words());
        assertEquals(List.of("41", "usb-c"), SearchQuery.parse("#41, usb-c!").words(), "punctuation at a word's ends goes");
        assertTrue(SearchQuery.parse(" ## -- ").isEmpty());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "الشاحن, شاحن", "والشاحن, شاحن", "بالشاحن, شاحن", "كالشاحن, شاحن", "فالشاحن, شاحن", "للهاتف, هاتف",
            "وشاحن, شاحن", "بشاحن, شاحن", "والبطارية, بطاريه",
            "باب, باب", "الم, الم", "ولد, ولد", "وب, وب", "بلد, بلد"})
    void anArabicQueryWordLosesOnePrefixWhenThreeLettersRemain(String typed, String word) {
        assertEquals(List.of(word), SearchQuery.parse(typed).words());
    }

    @Test
    void theQueryAndTheStoredTextMeetWithOrWithoutTheArticle() {
        for (String stored : new String[]{"البطارية", "بطارية", "والبطارية"}) {
            String doc = SearchText.document(stored);
            for (String typed : new String[]{"البطارية", "بطارية", "بالبطارية", "والبطارية"}) {
                String word = SearchQuery.parse(typed).words().get(0);
                assertTrue(doc.contains(" " + word + " "), typed + " finds " + stored + " as a whole word: " + doc);
            }
        }
    }

    @Test
    void thePluralStepIsAnAnalysisOfItsOwn() {
        SearchQuery.Analysis plural = new SearchQuery.Analysis(true);
        assertEquals(List.of("كابل"), SearchQuery.parse("كابلات", plural).words());
        assertEquals(List.of("كابلات"), SearchQuery.parse("كابلات").words(), "off by default");
        assertTrue(SearchText.document(plural, "سماعات").contains(" سماع "));
        assertEquals(List.of("لون"), SearchQuery.parse("لون", plural).words(), "three letters stay");
    }

    @Test
    void digitsInAnyScript() {
        assertEquals(List.of("305"), SearchQuery.parse("٣٠٥").words());
        assertEquals(List.of("305"), SearchQuery.parse("۳۰۵").words());
        assertEquals("bench-00041", SearchQuery.parse("BENCH-٠٠٠٤١").code());
    }

    @Test
    void aQueryOfDigitsAloneIsAlsoItsDigitsAsOneWord() {
        assertEquals("07701234567", SearchQuery.parse("0770 123 4567").digits());
        assertEquals("9647701234567", SearchQuery.parse("+964 (770) 123-4567").digits());
        assertEquals("9647701234567", SearchQuery.parse("00964 770 123 4567").digits(), "00 is the international prefix");
        assertNull(SearchQuery.parse("07701234567").digits(), "already the one word");
        assertNull(SearchQuery.parse("77 1").digits(), "fewer than four digits");
        assertNull(SearchQuery.parse("ali 0770 123").digits(), "letters: not a number");
    }

    @Test
    void aCodeIsOneWordOfCodeCharacters() {
        assertEquals("tsh-chg-0007", SearchQuery.parse(" TSH-CHG-0007 ").code());
        assertNull(SearchQuery.parse("tsh chg").code());
        assertNull(SearchQuery.parse("شاحن").code());
    }

    @Test
    void theKeyIgnoresWordOrder() {
        assertEquals(SearchQuery.parse("charger fast").key(), SearchQuery.parse("Fast  charger").key());
        assertEquals(SearchQuery.parse("الشاحن سريع").key(), SearchQuery.parse("سريع شاحن").key());
        assertNotEquals(SearchQuery.parse("charger").key(), SearchQuery.parse("charger fast").key());
    }

    @Test
    void wordsOfFourLettersOrMoreWithoutDigitsAreFuzzy() {
        assertTrue(SearchQuery.fuzzy("cabl"));
        assertTrue(SearchQuery.fuzzy("شاحن"));
        assertFalse(SearchQuery.fuzzy("usb"));
        assertFalse(SearchQuery.fuzzy("bench-0004"));
        assertFalse(SearchQuery.fuzzy("a1b2c"));
    }
}
