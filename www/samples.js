// The sample articles of the demo page, written for it in the style of news wires: several
// parties, direct and indirect quotes, pronouns, titles, a headline attribution and a hedge;
// the last has anonymous sources and parties accusing and denying each other, for the summary.
// They are bundled as a module, not fetched, so that the page needs no network after load.

export const samples = [
  {
    id: 'sanctions',
    title: 'International: sanctions and a denial',
    text: `New EU sanctions will meet “firm response”, Iran says

TEHRAN — Iran will answer any new European sanctions with “a firm and proportionate response,” Foreign Ministry spokesperson Leyla Farahani said on Monday.

“Pressure has never changed our policy and it will not change it now,” Farahani told a weekly news conference in Tehran. She added that the door to talks with Brussels remained open.

The European Union’s foreign policy chief, Marta Lindqvist, said the bloc was still studying the proposals from its member states.

“No decision has been taken yet, and we want unity before we want speed,” Lindqvist said after a meeting of ministers in Brussels.

German Foreign Minister Jonas Weber was more direct. “If the transfers continue, there will be consequences,” he told reporters on his way into the meeting.

The drones were allegedly shipped across the Caspian Sea in the spring, and several governments say they have seen evidence of the route.

Farahani denied that Iran had supplied weapons to either side in the war. She called the reports “a fabrication meant to justify a policy decided long ago.”

The ministers are due to meet again next month, Lindqvist said.`,
  },
  {
    id: 'strike',
    title: 'City: a transit strike',
    text: `Bus drivers vote to strike as city and union trade blame

Bus drivers in Riverton voted on Thursday to walk off the job next week, after talks over pay and shift lengths broke down for the third time this year.

“Our members have been patient for eighteen months,” said Dana Okafor, president of the Riverton Transit Workers Union. “Patience has run out.”

Mayor Carlos Mendes urged both sides to return to the table. “A strike hurts the people who can least afford it: nurses on night shifts, students, older residents,” the mayor said at City Hall.

Mendes said the city had offered a raise of 4 percent over two years. Okafor rejected that figure, saying it did not cover the rise in rents since the last contract.

The operator, Riverton Metro Services, said in a statement that it had “made every reasonable effort” to reach a deal. The company warned that a strike would cancel most routes for as long as it lasted.

According to the union, drivers now work split shifts of up to thirteen hours. The figure could not be independently verified.

“Nobody wants to leave riders stranded,” Okafor told reporters outside the union hall. She promised that drivers would keep the hospital routes running.

The strike would reportedly be the first in the city since 1998.`,
  },
  {
    id: 'study',
    title: 'Science: a study and its critics',
    text: `Study links city heat to higher hospital admissions

Hospital admissions for heart and kidney trouble rise sharply on the hottest days in large cities, according to a study published on Wednesday in the journal Urban Health.

“The effect starts earlier than most people think, at around 30 degrees,” said Dr. Amara Nwosu, an epidemiologist at the University of Leeds who led the research. “Older people living alone are the most exposed.”

The team looked at eleven years of records from hospitals in nine European cities. Nwosu said the link held even after the researchers accounted for air pollution.

The World Health Organization called the findings “an important warning for city planners.” It said heat plans should include checks on people who live alone.

Not everyone was convinced. Professor Henrik Dahl of the Karolinska Institute said the study could not show that heat itself caused the admissions. “Correlation in hospital data is a starting point, not an answer,” he said.

Nwosu conceded that the data could not prove cause and effect, but argued that the pattern was too consistent to ignore.

The heatwave last July was allegedly linked to dozens of deaths in the region, though officials have not released final figures.`,
  },
  {
    id: 'cyberattack',
    title: 'Diplomacy: a cyberattack and an expulsion',
    text: `Albania cuts ties with Iran over cyberattack on state servers

TIRANA — Albania ordered Iranian diplomats to leave the country within 24 hours on Wednesday, a week after a cyberattack shut down government websites.

“The attack was prepared and paid for by the Islamic Republic of Iran,” Albanian Prime Minister Arben Kola said in a televised address. “We will not be intimidated.”

Kola accused Tehran of hiring four groups of hackers to carry out the attack, which also wiped records at the border police.

Iran rejected the accusation. Iranian Foreign Ministry spokesman Reza Navabi said the claim was “a script written in Washington and read out in Tirana.”

A senior Albanian official said investigators had traced the tools to an attack on a bank last year. “We know who built them,” the official said.

Two Western diplomats, who were not authorized to speak publicly, said the evidence had been shared with allies before the announcement.

The attackers reportedly entered the network fourteen months before they struck.

Analysts said a break in relations over a cyberattack was without precedent.

Albanian Interior Minister Elira Dushi accused Iran of trying to “paralyse public services and sow panic.”

“Our systems are back, and they are safer than before,” she told reporters.`,
  },
];
