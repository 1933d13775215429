"""Each alignment rule (gcmcheck.engine.alignment) on sentences written for it.

Every case names the rule it exercises; the sentences are ours, built on the
constructions real articles use (passives, quoted votes, predictions, other
instruments, several clauses).
"""

from __future__ import annotations

import pytest

from gcmcheck.core import check_statement, load_checker
from gcmcheck.engine.alignment import RULES

CASES = [
    # (rule, sentence, verdict it must not get, verdict it must get or None)
    ("A101", "Only 55 member states have ratified the Global Compact for Migration.", "supported", "unverifiable"),
    ("A101", "The UN Global Compact asks companies to embrace ten principles.", "supported", "unverifiable"),
    ("A101", "The Global Compact on Refugees was endorsed by 181 countries.", "contradicted", "unverifiable"),
    ("A102", "The compact has been ratified by more than 150 countries.", "supported", "unverifiable"),
    ("A102", "The summit was attended by officials from 150 countries, and the compact was adopted there.", "contradicted", None),
    ("A103", "Austria will abstain in next year's vote on the compact.", "contradicted", "unverifiable"),
    ("A103", "Poland is expected to vote for the compact next year.", "contradicted", "unverifiable"),
    ("A103", "Ministers fear that 30 countries could reject the pact.", "contradicted", "unverifiable"),
    ("A103", "Analysts predict that Poland and Austria will refuse to sign the compact.", "supported", "unverifiable"),
    ("A104", "The default value is 10.", "supported", "unverifiable"),
    ("A104", "There are three support tiers:", "contradicted", "unverifiable"),
    ("A104", "Eight European countries have announced they will not sign the compact.", "supported", "unverifiable"),
    ("A106", "UNICEF quit the Executive Committee.", "supported", "unverifiable"),
    ("A106", "Latvia and Poland championed the compact at Marrakech.", "supported", "unverifiable"),
    ("A107", "Latvia did not, after all, hold out.", "supported", "unverifiable"),
    ("A111", "It passed by 152 votes, with Poland, Hungary and Israel also voting 'no'.", "contradicted", None),
    ("A146", "MPs backed a motion in favour of Latvia joining the pact.", "contradicted", "unverifiable"),
    ("A161", "In 2017 Washington cut its funding, citing New York Declaration policy goals.", "contradicted", "unverifiable"),
    ("A162", "The resolution is not binding, and the cabinet was free to endorse the pact.", "supported", "unverifiable"),
    ("A164", "On 10 December 2021 the Network launched a pledging campaign.", "contradicted", "unverifiable"),
    ("A165", "The role of the United States is critical, as it has long welcomed", "contradicted", "unverifiable"),
    ("A166", "The IMRF was the first chance to review the compact since its adoption in 2016.", "contradicted", "unverifiable"),
    ("A167", "The Network's Executive Committee comprises UNICEF, the ILO and António Vitorino.", "contradicted", "unverifiable"),
    ("A168", "The 193-member General Assembly endorsed the compact on 19 December 2018.", "contradicted", "supported"),
    # each share has the year that follows it: 3.5 per cent is not the share of 2000
    ("A140", "International migrants were 3.5 per cent of the world's population in 2000 and 2.8 per cent by 2019.", "supported", None),
    # a side its own verb denies casts doubt on the rest: the date alone does not support it
    ("A111", "Washington, which had joined all other members in finalising the text in July, later came out against it.", "supported", None),
    ("A114", "A resolution was adopted by the General Assembly on 3 March 2017.", "contradicted", "unverifiable"),
    ("A102", "The compact, which was drafted in 2017, was activated on 2 May 2019 at UN headquarters.", "contradicted", None),
    ("A114", "The Regional Summit on Mobility took place on 4 May 2016 at UN Headquarters.", "contradicted", "unverifiable"),
    ("A116", "Belgium's government won parliament's backing to sign the pact.", "contradicted", "unverifiable"),
    ("A117", "The compact was endorsed by the General Assembly on 19 December 2018.[7]", "contradicted", "supported"),
    ("A118", "Germany hosts 13 million migrants, about 6% of the global population.", "contradicted", None),
    ("A119", "Migrants make up 3.5 percent of the world's people, up 0.5 percent since 2000.", "contradicted", None),
    ("A120", "In July, 192 UN member states approved the global migration pact.", "contradicted", None),
    ("A121", "Migrants are three percent of the world's population.", "contradicted", None),
    ("A122", "The compact drew on the Migrant Workers Convention (Smith, 2006).", "contradicted", None),
    ("A123", "UN Deputy Secretary-General Jane Doe said the fund would help.", "contradicted", None),
    ("A123", "Delegates, the Secretary-General said, should act.", "contradicted", None),
    ("A124", "Reuters | A press conference in Brussels, 8 December 2018.", "contradicted", None),
    ("A125", "Hungary's foreign minister spoke to a press conference in Budapest.", "contradicted", None),
    ("A125", "Ministers attacked the states leaving the pact at a conference hosted by a think tank in Oslo.", "contradicted", None),
    ("A125", "The news broke before a stock-taking meeting in Quito on the compact.", "contradicted", None),
    ("A126", "The senator was a strong supporter of Israel.", "contradicted", None),
    ("A127", "The Dominican Republic abstained.", "contradicted", None),
    ("A128", "Austria and Poland dropped their support for the deal.", "supported", None),
    ("A129", "In favour: 150 - Against: 5 - Abstentions: 12.", "contradicted", None),
    ("A130", "IOM has 175 member states and the compact has 25 objectives.", "supported", "contradicted"),
    ("A130", "IOM has 171 member states, and Hungary has 25 objectives.", "supported", None),
    ("A105", "Most of the world's migrants live in just 20 countries.", "contradicted", None),
    ("A131", "The alliance has members in 12 countries.", "contradicted", None),
    ("A132", "Austria Refuses To Back UN Migration Pact", "contradicted", None),
    ("A133", "WASHINGTON, DC - On 19 December 2018 the General Assembly endorsed the compact.", "contradicted", None),
    ("A117", "The pact was endorsed by the General Assembly in December 2018.Footnote 3", "contradicted", "supported"),
    ("A117", "The compact was endorsed by the General Assembly with 152 votes in favour (GCM, para. 9).", "contradicted", "supported"),
    ("A135", "The compact had been agreed in July 2018 by every UN member but one.", "contradicted", None),
    ("A136", "The conference adopted the pact before delegates from some 140 countries in Morocco.", "contradicted", None),
]


# (rule, sentence): the rule must be what sets a pair aside, and no alarm is raised
FIRES = [
    ("A101", "The US rejected the Global Compact on Refugees, joined by Hungary out of 193 member states, saying the pact was too broad."),
    ("A125", "Ministers met in Marrakech to adopt the compact, first drafted at the United Nations in New York."),
    ("A129", "Chile has joined the group of nine countries — all of them in Europe — in rejecting the UN migration compact in Morocco."),
    ("A131", "Nearly 30 of the countries that drafted the pact withheld their endorsement."),
    ("A134", "Every UN country except the United States - which withdrew on orders from the Trump administration a year earlier - agreed to the pact."),
    ("A136", "The conference adopted the pact before delegates from some 140 countries in Morocco."),
    ("A137", "Trump signed an order capping refugee admissions at 30,000 in October 2019, compared to Obama's 110,000."),
    ("A138", "Australia and Hungary pulled out of the talks on the compact."),
    ("A135", "The compact's text was agreed in July and is due to be adopted next month at a meeting in Marrakesh."),
    ("A114", "In 2016 all 193 members of the UN General Assembly adopted a non-binding political declaration."),
    # a clause with no act the reader knows: its unknown verb dates the fact, even far from it
    ("A102", "On 4 December 2000, the General Assembly, taking the growing number of migrants into account, proclaimed 18 December a day for migrants."),
    # an irregular participle after "be" is an act of its own
    ("A102", "The decision to negotiate a framework for migration was taken at the UN General Assembly in September 2016."),
    ("A139", "As of May 2017, the International Organization for Migration had 166 member states."),
    ("A140", "As of May 2017, the International Organization for Migration had 166 member states."),
    ("A141", "Switzerland's support for the pact split its government."),
    ("A142", "IOM counts 9 observer states."),
    ("A118", "The heads of the eight United Nations organizations making up the Executive Committee of the United Nations Network on Migration met in Geneva."),
    ("A132", "UNGA Votes To Endorse Marrakech Compact On 20 December 2018 In New York"),
    ("A143", "Obama sent 1200 National Guard soldiers to the border in 2016."),
    ("A144", "The compact was released on 5 February by the UN missions of Mexico and Switzerland."),
    ("A136", "Among the 193 member states, only one refused to consent."),
    # agreeing counts of another kind of a thing are no support either
    ("A142", "Global Compact comprises ten fundamental principles on labour, human rights and the environment."),
    ("A145", "There were 13 million migrants in low-income countries."),
    ("A133", "date 2021-12-01 This is the main finding of a report launched by IOM."),
    ("A138", "190 countries have been in talks over the United Nations' global compact for migration."),
    ("A146", "The government agreed to take into account parliament's vote on the matter of Latvia's support for the UN migration pact."),
    # a plan's place is not supported by a claim that predicts something else
    ("A103", "The text was finalised in July and is to be formally approved at a December meeting in Marrakesh, Morocco."),
    # a third party's words, reported: the sentence may report them rightly
    ("A103", "A government spokesman told reporters the compact contains 30 objectives."),
    # a standard of comparison is not what the figure is about
    ("A101", "The refugee compact, unlike the migration compact, sets out just four objectives."),
    # a denied figure, date or place is no stated fact
    ("A147", "The agreement does not set out 23 goals."),
    ("A147", "The compact was not adopted on 12 December 2018."),
    # a vote is judged by a claim that records one, not by a holdout at a conference
    ("A148", "Austria and Latvia voted against the compact."),
    # a later vote on what the compact set up is not the vote that endorsed it
    ("A149", "At the Assembly's later vote on the implementation of the compact, 118 countries voted in favour."),
    # "not alone in opposing": the negation is another word's, the gerund only named
    ("A116", "Poland is not alone in opposing the compact."),
    # a relative clause on an event's name is about that event
    ("A108", "The first Review Forum, which took place in May 2022 at UN Headquarters in New York, reviewed the compact."),
    # a date before a document's noun dates the document, and the figure with it
    ("A112", "The July 2018 draft was approved by 164 states."),
    # the other term of a comparison is another time's figure
    ("A157", "Migrants now make up 3.5 per cent of the world's population, against 2.3 per cent a generation ago."),
    # a name and its gerund after a preposition are what is favoured, not a side taken
    ("A146", "MPs backed a motion in favour of Latvia joining the pact."),
    # a later round of a planned event has its own date
    ("A163", "The second regional review of the compact will be hosted in Geneva on 11 March 2024."),
    # a meeting on the implementation of the compact is another sitting of the body
    ("A158", "Member States asked the President of the General Assembly to hold a meeting of the Assembly in 2024 to consider the implementation of the compact."),
    # a name with its own title beside it, and a title read as a name, hold no post of the claim's
    ("A123", "Introducing the lecture, Professor Jane Roe, Director of the Global Migration Centre, said that each candidate for IOM Director General had been invited."),
    ("A123", "The candidates for IOM Director General spoke at Villa Serena in Geneva."),
    # a country's own figures are not the world's
    ("A160", "Italy is home to about 6 million international migrants, according to UN DESA."),
    ("A160", "Roughly 14 per cent of the US population is foreign-born, according to census figures."),
    # a one-word name of the event followed by another body's name is that body's
    ("A161", "Minutes of the Assembly of the Republic of Ruritania, sitting of 21 November 2018."),
    # a holder with another title set off before the name holds that post
    ("A123", "Report of the Special Envoy, Mr. John Doe, to the Secretary-General."),
    # a body that sits all year, with a verb not the claim's, however far from the date
    ("A135", "The compact, agreed by the member states at the UN General Assembly last July, is not binding."),
    # the launch of one thing does not date the launch of another
    ("A164", "On 10 December 2021 the Network launched a pledging campaign."),
    # a side read from a verb that ends a cut-off sentence
    ("A165", "The role of the United States is critical, as it has long welcomed"),
    # an event narrowed to one place is that place's
    ("A160", "The regional review for Europe took place in November 2021."),
    ("A160", "The Asia-Pacific Regional Review of the compact was held in Bangkok in March 2021."),
    # a name that ends a cut-off sentence is cut too
    ("A165", "The Network's Executive Committee comprises the ILO, IOM, UNICEF and the Unite"),
    # a count of members needs the body whose members the claim counts
    ("A104", "Eight European countries have announced they will not sign the compact."),
    # a person who holds a post is not one of the bodies a list names
    ("A167", "The Network's Executive Committee comprises UNICEF, the ILO and António Vitorino."),
    # a date after the instrument's own act, named by a noun, is that act's
    ("A166", "The IMRF was the first chance to review the compact since its adoption in 2016."),
    # an event named as a modifier of another noun is not what the sentence dates
    ("A161", "In 2017 Washington cut its funding, citing New York Declaration policy goals."),
    # the legal force of another text in the clause's subject is that text's
    ("A162", "The resolution is not binding, and the cabinet was free to endorse the pact."),
    # a body that meets every year, named with another year, is another sitting
    ("A158", "In October 2015, world leaders met at the UN General Assembly to discuss large movements of people."),
    ("A158", "In November 2014 the UN General Assembly met in New York and agreed to discuss migration."),
    # a count of those who did something is not a standing number
    ("A102", "While all 193 UN members backed the 2016 declaration, only 189 have committed to the compact."),
    # the sources' noun as a modifier narrows another noun: a part, not the whole
    ("A142", "Most migrant workers live in high-income countries, where 111 million migrant workers make up 18 percent of the workforce."),
    # a place that held the event, in a clause with only a copula, dates no act
    ("A143", "In 2018, Marrakesh was the sunniest city in North Africa."),
    # the city around the claim's building is no other place
    ("A113", "Talks on the text were held at UN Headquarters in New York in the summer."),
    # a gathering that happens anywhere has its own place
    ("A125", "Unregulated migration bears a terrible human cost, Guterres warned at the launch held in Geneva."),
    # a fact placed in a country the claim does not name is that country's
    ("A160", "IOM has had an office in Ruritania since 1995."),
    # a clause whose verbs are all of other families, and a standing count against
    # a count of those who acted, are other facts
    ("A102", "The start-up fund's first annual report was published for the member states, observers and partners of the Network in Geneva on 3 March 2021."),
    ("A102", "Of the 270 million migrants worldwide, most in an orderly and safe manner, as Guterres put it."),
    # a body that sits all year names no occasion: the date is the other occasion's
    ("A135", "The compact was approved in July at the General Assembly by almost all states."),
    # a group is no holder of a post
    ("A123", "The Secretary-General congratulated Member States on the summit."),
    # a loose bound the sources' figure meets is true, though not their figure
    ("A159", "IOM has a presence in over 100 countries."),
    # a step taken "eventually" is what "not yet" leaves open
    ("A141", "Slovenia eventually signed the compact."),
    # a clause that gives the claim's own place speaks of two occasions
    ("A155", "The final text was approved at a meeting in New York for adoption in Marrakech in December."),
    # a post given as a title, in a sentence that never says when, is of its own time
    ("A156", "UN Secretary-General Jane Roe urged states to protect migrants in her annual message."),
    # an event named as a time bound is no event of the clause
    ("A108", "Canberra walked away from the talks in 2018, weeks before the conference in Marrakech."),
    # a participle after a document's noun group ("Resolution 55/76 of ...") dates the document
    ("A114", "World Refugee Day is marked on 20 June under Resolution 55/76 of the General Assembly, adopted on 4 December 2000."),
    # a figure with a fraction counts no states
    ("A142", "At 10.30 the delegates adopted the compact in Marrakech."),
    # an addition is not a level
    ("A119", "States announced additional pledges of more than 9 million dollars to the start-up fund."),
    # doubt, and a third party's words inside a clause it opened
    ("A103", "The foreign minister said it was unlikely Austria would support the compact."),
    ("A103", "Hungary's prime minister claimed that when two-thirds of the UN agree to the compact, it becomes binding."),
    # a new holder is after the sources' time; a chairperson of an unnamed body is anyone's
    ("A123", "The new Director General of IOM, Jane Roe, opened the meeting."),
    ("A123", "Jane Roe, the Chairperson, signed the document."),
    # lower-case words of the post's title elsewhere ("international laws") do not name it
    ("A123", "Jane Roe, the Chairperson, signed the document in line with international laws."),
    # the day someone spoke is not the day of what they spoke of
    ("A150", "The government announced on Sunday, 9 December 2018, that it would not sign the compact."),
    # another start is another count
    ("A151", "Since 2014, nearly 70,000 migrants have died on the move."),
    # a place dated to another month is another occasion's
    ("A152", "The conference followed the text's approval on 13 July at UN Headquarters in New York."),
    # an indirect question asks
    ("A103", "Ministers were split over whether the compact was binding."),
    # a name that ends in a body's noun holds no post
    ("A123", "The Secretary-General also set up the UN Migration Network."),
    # the sources' date is of an act ('marked') the sentence does not give
    ("A102", "It was on 18 December 1990 that the Assembly adopted the Migrant Workers Convention."),
    # a share of another whole
    ("A142", "Some 1.4 per cent of the world's child population are migrants."),
    # put forward, not done
    ("A116", "She proposed backing the pact and opposing Italy joining it."),
    # leading is judged by a claim that records who led
    ("A153", "Latvia led the opposition to the compact."),
    # one side in an aside, the other by the group the clause puts the name among
    ("A154", "Poland, which rejected the pact, was one of the 152 states that voted for it."),
    # a side only named ("to reject") is not a count of those who did it
    ("A129", "The movement prompted some 12 countries to reject the compact."),
    # a count of those who attended is not a count of those who approved, in the
    # month of the approval too
    ("A102", "On 10 December 2018 delegates of 150 countries took part in a conference in Morocco."),
    # a figure of a verb the reader does not know is no count of deaths
    ("A102", "Guterres said that more than 280 million migrants are looking for a better life."),
    # numbering, not counting
    ("A117", "In episode 12 of our podcast, we discuss the General Assembly vote on the migration compact."),
]


@pytest.fixture(scope="module")
def checker():  # type: ignore[no-untyped-def]
    return load_checker()


def verdict(checker, text: str) -> str:  # type: ignore[no-untyped-def]
    return check_statement(checker, text)[0].verdict.value


@pytest.mark.parametrize(("rule_id", "text", "never", "want"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_case(checker, rule_id: str, text: str, never: str, want: str | None) -> None:  # type: ignore[no-untyped-def]
    got = verdict(checker, text)
    assert got != never
    if want is not None:
        assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what the rules must leave alone: right and wrong statements stay decided
        ("The compact has 25 objectives, while the refugee compact has four.", "contradicted"),
        ("IOM has 175 member states and the compact has 10 guiding principles.", "supported"),
        ("The Global Compact on Safe, Orderly and Regular Migration has 25 objectives.", "contradicted"),
        ("Twelve members abstained.", "supported"),
        ("152 countries voted yes", "supported"),
        ("Hungary, which voted against the compact, said it would never sign it.", "supported"),
        ("The General Assembly endorsed the compact on 21 December 2018.", "contradicted"),
        # a named event with another event's date is a confusion, not another event (A135)
        ("The compact was adopted at Marrakech on 19 December 2018.", "contradicted"),
        # a phrase with "from" that is the subject still counts those who acted (A136)
        ("Delegations from 146 states approved the pact at the Marrakesh conference.", "contradicted"),
        # "a majority of 152" counts the majority, it is no whole
        ("At the Marrakech conference, a majority of 152 member states voted in favour of the compact.", "contradicted"),
        # a spelled-out number is one figure, not two clauses
        ("One hundred and fifty-two member states voted yes in the Assembly.", "supported"),
        # the last name of the noun group after "in" is the place (not "Moroccan")
        ("The compact was adopted by the UN member states at a conference in the Moroccan capital Marrakech.", "supported"),
        # a document that acts is not what the clause is about (A114)
        ("The network was created by a General Assembly resolution and brings together 38 United Nations entities.", "supported"),
        # a side in the negotiations is judged by a claim tied to no event (A138)
        ("The United States opposed the compact and withdrew from the negotiations.", "supported"),
        # a count that is a step taken still meets a claim of a step not taken (A141)
        ("Italy and Switzerland, which helped draft the accord, were among the 164 countries that signed it in Marrakech.", "contradicted"),
        # the same kind of member is compared (A142)
        ("IOM has 170 member states.", "contradicted"),
        # the world's figure is compared (A145)
        ("There were 300 million international migrants in 2019.", "contradicted"),
        # a bound is no negation (A147), nor is a definite figure denied
        ("No fewer than 160 countries voted in favour of the compact in the General Assembly.", "contradicted"),
        ("Hungary was not among the 152 countries that voted for the compact in the General Assembly.", "supported"),
        # a negative subject negates the legal force it governs
        ("None of the compact's provisions are binding.", "supported"),
        # a negated side is a side (A107 reads it), and it can be wrong
        ("The compact was not endorsed by the General Assembly on 19 December 2018.", "contradicted"),
        ("Not a single provision of the compact is legally binding, its defenders say.", "supported"),
        ("The compact is not non-binding.", "contradicted"),
        # a figure in a clause with the claim's own month is that occasion's, whatever
        # the verb (A102)
        ("In July the text was approved by all 193 members of the UN except the United States.", "supported"),
        ("Some 192 member states approved the migration pact in July.", "supported"),
        ("The compact was approved in July 2018 by all UN members except the United States.", "supported"),
        ("The compact had been agreed in July 2018 by every UN member but one.", "supported"),
        # a claim's figure in a clause that names no instrument is its event's, when that
        # event is an instrument: the 2016 declaration's 193 (A101)
        ("The 2016 New York Declaration was backed by 150 UN members.", "contradicted"),
        # verbs of dropping an agreement take a side
        ("Australia ditches the UN migration pact.", "supported"),
        # both clauses describe the document by the same noun: one document (A101)
        ("Work on the pact started in 2016, when all 193 member states adopted a declaration on migration.", "supported"),
        # the sources' count with another start: the period is wrong (A151)
        ("More than 60,000 migrants have died on the move since 2010.", "contradicted"),
        # a round figure at the sources' bound is that figure, rounded
        ("Sixty thousand migrants have died on the move since 2000.", "supported"),
        ("Fifty thousand migrants have died on the move since 2000.", "contradicted"),
        # "not among" the group that approved it is a side, read one way (A154)
        ("Poland was not among the 164 countries that approved the compact in Marrakech.", "supported"),
        # the plan's own round, with another year, is still judged (A163)
        ("The regional reviews of the compact will take place in 2021.", "contradicted"),
        # a holder with the claim's title beside the name is judged (A123)
        ("Jane Roe, IOM's Director General, said the compact matters.", "contradicted"),
        # an organisation's members are counted whole (A160)
        ("Only about a dozen UN member states have ever ratified the Migrant Workers Convention.", "contradicted"),
        # what some claim is their words, not the sentence's (A103)
        ("Some claim the compact was approved by 180 countries in Marrakech.", "unverifiable"),
        # a date after a semicolon is not the event's named before it, and one side's
        # step is not dated by the other side's occasion (A102)
        ("Of the UN's 193 members, 164 approved it in Marrakech; Washington had already pulled out in 2017.", "supported"),
        # a figure tied to an event is judged by that event's claim first, not by a
        # standing number with a closer noun
        ("Some commentators claim that 170 countries endorsed the compact at the General Assembly, but the actual figure was 152.", "unverifiable"),
        # the same thing launched, or founded, with another date is judged (A164)
        ("The Network launched its start-up fund in May 2020.", "contradicted"),
        ("The Secretary-General established the network in 2016.", "contradicted"),
        # a threat is no side taken
        ("Hungary threatened to back the compact.", "unverifiable"),
        # a year right after an event's name is part of a title
        ("Global Compact Regional Reviews 2024 Report", "unverifiable"),
        # a finished headline with a verb that needs no object is read (A165)
        ("The United States pulled out", "supported"),
        # the head of a longer name ("the Office of ...") is no member of its own
        ("The Network's Executive Committee comprises the ILO, the Office of the United Nations High Commissioner for Refugees and IOM.", "supported"),
        # where the event's body sits does not narrow the event (A160)
        ("In a vote at UN headquarters in New York, 160 countries backed the compact.", "contradicted"),
        # a clause that points back to the place is about that place's event (A110)
        ("The compact, which its backers hoped would win over critics in Marrakech, was finally approved there by 170 countries.", "contradicted"),
        # a country the table does not know, given a side, is not confirmed; a group
        # named by its noun is no one's name
        ("India was among the 152 countries that voted for the compact at the General Assembly.", "unverifiable"),
        ("Representatives of 164 countries adopted the compact in Marrakech on Monday.", "supported"),
        # the sentence's other values are still judged beside a figure that describes a noun (A168)
        ("The 193-member General Assembly endorsed the compact on 21 December 2018.", "contradicted"),
        # how long an event lasted is judged by the days its date spans; a right length
        # only sets the scene
        ("A three-day conference in Marrakech adopted the compact.", "contradicted"),
        ("A two-day conference in Marrakech adopted the compact.", "supported"),
        # a capital or a government stands for its country (the table's aliases)
        ("Budapest voted against the compact at the General Assembly.", "supported"),
        # the instrument as the subject keeps its legal force (A162)
        ("The agreement is non-binding.", "supported"),
        # an event's name before an occasion's noun or a verb still names it (A161)
        ("The General Assembly vote saw 12 abstentions.", "supported"),
        ("International Migrants Day falls on 18 December each year.", "supported"),
        # a source's "in July" is the July of the claim's year
        ("The text of the compact was finalised in July 2016.", "contradicted"),
        # the other term of a comparison, given the claim's year, is judged (A157)
        ("Migrants now make up 3.5 per cent of the world's population, compared with 2.1 per cent in 2000.", "contradicted"),
        # a figure's own year that its claim gives is judged with it
        ("In 2000 migrants were 2.8 per cent of the world's population; by 2019, 3.5 per cent.", "supported"),
        # a sentence that opens "Apart from X," adds X to those that follow (A111)
        ("Apart from the United States, Austria and Hungary have refused to sign the compact.", "unverifiable"),
        # a name taken out of the verb's subject took the other side (A111)
        ("The text was finalised in July by every UN member except the United States, which had quit the talks.", "supported"),
        ("The text was finalised in July by every UN member apart from the United States.", "supported"),
        ("In July, every member of the UN except the United States finalised the text of the compact.", "supported"),
        # a list given one side with a name no claim knows is not confirmed
        ("Austria, Hungary, Croatia and Australia refused to sign the compact.", "unverifiable"),
        # a title at a dated event, or a sentence that gives the post, is judged (A156)
        ("At the Marrakech conference, UN Secretary-General Jane Roe called the compact a roadmap.", "contradicted"),
        ("Jane Roe is the UN Secretary-General.", "contradicted"),
        # the occasion itself, or the instrument, with a wrong year is still judged (A158)
        ("The General Assembly vote took place in December 2019.", "contradicted"),
        ("It was endorsed by the General Assembly in December 2019.", "contradicted"),
        ("Delegates came together in Marrakech in December 2017 to adopt the compact.", "contradicted"),
        # a bound the sources' figure does not meet is wrong (A159)
        ("IOM has offices in more than 200 countries.", "contradicted"),
        # the place of an act, after its verb, does not narrow the fact (A160)
        ("IOM was founded in Geneva in 1961.", "contradicted"),
        # the body with the claim's own verb names its occasion (A135)
        ("The UN General Assembly endorsed the compact on 10 December 2018.", "contradicted"),
        # one occasion in one place is still judged (A155)
        ("The compact was adopted at a conference in Rabat, Morocco, in December 2018.", "contradicted"),
        # typographic hyphens are hyphens
        ("The compact is a non\u2011binding framework.", "supported"),
        # the date of one side's step is judged by the claim of that step, not by the
        # other side's conference (A102, A108 and the choice of the claim with the verb)
        ("Washington quit the negotiations in 2018, weeks before the conference in Marrakech.", "contradicted"),
        ("The Trump administration pulled out of the talks in 2018.", "contradicted"),
        ("Washington quit the negotiations in 2017, a year before the Marrakech conference.", "supported"),
        # those who came to adopt it are those who adopted it (A102)
        ("Delegates of 150 countries gathered in Marrakech to adopt the compact.", "contradicted"),
        # a leader the claim names is judged (A153)
        ("Hungary led the opposition to the compact.", "supported"),
        # the holder of a post, with its body named, is judged (A123)
        ("Jane Roe is the Chairperson of the International Migrants Alliance.", "contradicted"),
        # a vote at a stage where the table records votes is judged (A148)
        ("The Czech Republic voted against the compact at the General Assembly.", "supported"),
        ("The United States voted for the compact.", "contradicted"),
        # a list given one side, with only some names confirmed, is not confirmed
        ("Austria, Latvia and Hungary voted against the compact.", "unverifiable"),
        # a side in another clause with its own subject is not the name's
        ("Hungary rejected the compact and a dozen other countries abstained.", "unverifiable"),
        # a source relayed, or the holder's own words, are still judged (A103)
        ("The DESA report says there were 300 million international migrants in 2019.", "contradicted"),
        ("The International Migrants Alliance, which says it has members in more than 80 countries, condemned the withdrawal.", "contradicted"),
    ],
)
def test_decided_statements_stay_decided(checker, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert verdict(checker, text) == want


def test_a_count_dated_to_another_time_is_not_judged(checker) -> None:  # type: ignore[no-untyped-def]
    """A112: "On 2 March" is not the Marrakech conference, so 170 is not compared with 164."""
    results = check_statement(checker, "On 2 March, 170 countries approved the compact.")
    assert all(r.stated != "170" for r in results)


@pytest.mark.parametrize(("rule_id", "text"), FIRES, ids=[f"{c[0]}-{i}" for i, c in enumerate(FIRES)])
def test_rule_sets_the_pair_aside(checker, rule_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    results, trace = checker.explain(text)
    assert rule_id in {found[0].id for *_, found in trace if found}
    assert results[0].verdict.value not in ("contradicted", "supported")


def test_every_rule_documents_what_why_and_an_example() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert "What it does" in r.doc and "Why" in r.doc and "Example" in r.doc, r.id


def test_every_rule_has_a_case() -> None:
    covered = {c[0] for c in CASES} | {c[0] for c in FIRES}
    # these are exercised by the labelled sets (tests/eval), where other claims do not mask them
    missing = {r.id for r in RULES} - covered - {"A105", "A108", "A109", "A110", "A112", "A113", "A115"}
    assert not missing


def test_a_sentence_with_many_names_and_a_lower_case_verb_is_no_headline(checker) -> None:  # type: ignore[no-untyped-def]
    """A132 reads title case only where no verb is in lower case."""
    _, trace = checker.explain("In September 2016, the United Nations General Assembly convened in New York.")
    assert "A132" not in {found[0].id for *_, found in trace if found}


def test_a_figure_that_describes_a_noun_is_set_aside_against_a_side_count(checker) -> None:  # type: ignore[no-untyped-def]
    """A168: the Assembly's size is not compared with the votes in favour; the date decides."""
    results, trace = checker.explain("The 193-member General Assembly endorsed the compact on 19 December 2018.")
    assert "A168" in {found[0].id for *_, found in trace if found}
    assert results[0].verdict.value == "supported"

